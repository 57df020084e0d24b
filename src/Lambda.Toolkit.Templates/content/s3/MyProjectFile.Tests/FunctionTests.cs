using Lambda.Toolkit.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace MyFunction.Tests;

public class FunctionTests
{
    [Fact]
    public async Task Indexes_the_upload_under_its_decoded_key()
    {
        var app = Function.Build([]);
        await using var host = await LambdaTestHost.StartAsync(app);

        var result = await host.InvokeFileAsync(Path.Combine(AppContext.BaseDirectory, "events", "s3-put.json"));

        Assert.True(result.IsSuccess, result.Error?.ErrorMessage);
        Assert.Equal(2048, app.Services.GetRequiredService<IUploadIndex>().Sizes["uploads-bucket/reports/Q4 2026 + notes.pdf"]);
    }
}
