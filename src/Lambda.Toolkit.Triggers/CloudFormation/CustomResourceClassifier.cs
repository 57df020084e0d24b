namespace Lambda.Toolkit.Triggers.CloudFormation;

/// <summary>Recognises a CloudFormation custom resource request: top-level <c>RequestType</c> and <c>ResponseURL</c>.</summary>
internal static class CustomResourceClassifier
{
    /// <summary>The one instance every custom resource adapter shares.</summary>
    public static readonly TopLevelPropertiesClassifier Instance = new("RequestType", "ResponseURL");
}
