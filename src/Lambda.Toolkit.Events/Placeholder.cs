namespace Lambda.Toolkit.Events;

/// <summary>Marker for the assembly.</summary>
internal static class AssemblyMarker
{
}
