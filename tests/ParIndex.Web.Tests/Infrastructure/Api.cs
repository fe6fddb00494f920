using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;

namespace ParIndex.Web.Tests.Infrastructure;

/// <summary>Small helpers over the JSON API as a script on the page uses it.</summary>
public static class Api
{
    public static async Task<JsonElement> JsonAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    public static Task<HttpResponseMessage> SaveLeafAsync(this HttpClient client, int assessmentId, string code, object body) =>
        client.PutAsJsonAsync(new Uri($"/api/assessments/{assessmentId}/leaves/{code}", UriKind.Relative), body);

    public static async Task<JsonElement> GetAssessmentAsync(this HttpClient client, int assessmentId)
    {
        var response = await client.GetAsync(new Uri($"/api/assessments/{assessmentId}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.JsonAsync();
    }

    public static JsonElement Leaf(this JsonElement assessment, string code) =>
        assessment.GetProperty("nodes").EnumerateArray().Single(n => n.GetProperty("code").GetString() == code).GetProperty("leaf");

    public static async Task<int> AssessmentIdAsync(this AppFixture app, string unitCode, string campaignName = DemoSeeder.CampaignName) =>
        await app.WithDbAsync(db => db.Assessments
            .Where(a => a.Unit!.Code == unitCode && a.Campaign!.Name == campaignName)
            .Select(a => a.Id).SingleAsync());

    /// <summary>Asserts a ProblemDetails response with this status and returns its detail.</summary>
    public static async Task<string> AssertProblemAsync(this HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.JsonAsync();
        Assert.Equal((int)status, problem.GetProperty("status").GetInt32());
        return problem.TryGetProperty("detail", out var detail) ? detail.GetString() ?? "" : "";
    }
}
