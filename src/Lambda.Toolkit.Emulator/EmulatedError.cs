namespace Lambda.Toolkit.Emulator;

/// <summary>An error the function posted to <c>init/error</c> or <c>restore/error</c>.</summary>
/// <param name="ErrorType">The <c>Lambda-Runtime-Function-Error-Type</c> header, else the body's <c>errorType</c>.</param>
/// <param name="ErrorMessage">The body's <c>errorMessage</c>.</param>
/// <param name="Body">The raw JSON body.</param>
public sealed record EmulatedError(string? ErrorType, string? ErrorMessage, string Body);
