using System.Net;
using System.Text;
using Lambda.Toolkit.Testing.CloudFormation;

namespace Lambda.Toolkit.Testing.Tests.CloudFormation;

public sealed class CustomResourceResponseListenerTests
{
    [Fact]
    public async Task Records_each_upload_as_sent_and_answers_the_queued_statuses_then_200()
    {
        await using var listener = new CustomResourceResponseListener();
        listener.Answer(HttpStatusCode.InternalServerError);
        using var http = new HttpClient();
        const string body = """{"Status":"FAILED","Reason":"boom","PhysicalResourceId":"db-1","StackId":"s","RequestId":"r","LogicalResourceId":"Db"}""";

        using var first = await http.PutAsync(listener.ResponseUrl, new ByteArrayContent(Encoding.UTF8.GetBytes(body)));
        using var second = await http.PutAsync(listener.ResponseUrl, new ByteArrayContent(Encoding.UTF8.GetBytes(body)));

        Assert.Equal((HttpStatusCode.InternalServerError, HttpStatusCode.OK), (first.StatusCode, second.StatusCode));
        var upload = await listener.WaitForUploadAsync();
        Assert.Equal(2, listener.Received.Count);
        Assert.Equal(("PUT", new Uri(listener.ResponseUrl).PathAndQuery, null, (long)body.Length), (upload.Method, upload.PathAndQuery, upload.ContentType, upload.ContentLength));
        Assert.Equal(("FAILED", "boom", "db-1"), (upload.Status, upload.Reason, upload.PhysicalResourceId));
    }

    [Fact]
    public async Task Retarget_moves_the_ResponseURL_here_and_keeps_its_path_and_signed_query()
    {
        await using var listener = new CustomResourceResponseListener();
        const string json = """{"RequestType":"Create","ResponseURL":"https://cloudformation-custom-resource-response-useast1.s3.amazonaws.com/arn%3Aaws%3Acloudformation/stack%7CDb%7Creq?X-Amz-Signature=abc","StackId":"s"}""";

        var moved = System.Text.Json.JsonDocument.Parse(listener.Retarget(json)).RootElement;

        Assert.Equal(listener.BaseUrl + "arn%3Aaws%3Acloudformation/stack%7CDb%7Creq?X-Amz-Signature=abc", moved.GetProperty("ResponseURL").GetString());
        Assert.Equal("Create", moved.GetProperty("RequestType").GetString());
    }

    [Fact]
    public async Task Waiting_for_an_upload_that_never_comes_times_out_naming_the_listener()
    {
        await using var listener = new CustomResourceResponseListener();

        var error = await Assert.ThrowsAsync<TimeoutException>(() => listener.WaitForUploadAsync(TimeSpan.FromMilliseconds(50)));

        Assert.Contains(listener.BaseUrl, error.Message, StringComparison.Ordinal);
    }
}
