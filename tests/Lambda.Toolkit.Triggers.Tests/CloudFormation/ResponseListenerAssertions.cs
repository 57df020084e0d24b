using System.Text.Json;
using Lambda.Toolkit.Testing.CloudFormation;

namespace Lambda.Toolkit.Triggers.Tests.CloudFormation;

/// <summary>Assertions over the Testing package's <see cref="CustomResourceResponseListener"/>.</summary>
internal static class ResponseListenerAssertions
{
    /// <summary>Waits for the first upload and asserts it is the only one.</summary>
    public static async Task<CustomResourceUpload> SingleAsync(this CustomResourceResponseListener listener, TimeSpan? wait = null)
    {
        await listener.WaitForUploadAsync(wait);
        return Assert.Single(listener.Received);
    }

    /// <summary>The upload's body as JSON, for fields the typed response does not name.</summary>
    public static JsonElement Json(this CustomResourceUpload upload) => JsonDocument.Parse(upload.Body).RootElement;
}
