namespace Lambda.Toolkit.Local;

/// <summary>The tool's exit codes.</summary>
internal static class ExitCodes
{
    public const int Success = 0;
    public const int FunctionError = 1;
    public const int Usage = 2;
    public const int InitError = 3;
    public const int Timeout = 4;
    public const int ProcessFailed = 5;
    public const int Cancelled = 130;
}
