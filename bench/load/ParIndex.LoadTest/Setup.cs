using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace ParIndex.LoadTest;

/// <summary>Logs in and finds what the scenarios need through the app's own API.</summary>
public static partial class Setup
{
    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex FormToken();

    /// <summary>Signs in (the cookie goes to the client's container), then reads the newest published campaign, the user's open assessment and its manual leaves.</summary>
    public static async Task<ParIndexScenarios> ScenariosAsync(HttpClient http, string user, string password)
    {
        ArgumentNullException.ThrowIfNull(http);
        var login = await http.GetStringAsync(new Uri("/login", UriKind.Relative));
        var token = FormToken().Match(login) is { Success: true } m ? WebUtility.HtmlDecode(m.Groups[1].Value) : throw new InvalidOperationException("The login page has no form token.");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = token,
            ["Input.UserName"] = user,
            ["Input.Password"] = password,
        });
        using var signedIn = await http.PostAsync(new Uri("/login", UriKind.Relative), form);
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"Login of {user} failed: {(int)signedIn.StatusCode}.");
        }

        var campaigns = await JsonAsync(http, "/api/public/campaigns");
        var published = campaigns.EnumerateArray().First().GetProperty("id").GetInt32();
        var ranking = await JsonAsync(http, $"/api/public/campaigns/{published}/ranking?pageSize=200");
        var units = ranking.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("unitId").GetInt32()).ToArray();
        var assessment = (await JsonAsync(http, "/api/assessments")).EnumerateArray()
            .First(a => a.GetProperty("status").GetString() == "Draft").GetProperty("id").GetInt32();
        var leaves = (await JsonAsync(http, $"/api/assessments/{assessment}")).GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("isLeaf").GetBoolean() && !n.GetProperty("isSurvey").GetBoolean() && n.GetProperty("max").GetDecimal() >= 0.5m
                && n.GetProperty("leaf").GetProperty("method").GetString() == "manual")
            .Select(n => (Code: n.GetProperty("code").GetString()!, Version: n.GetProperty("leaf").GetProperty("version").GetInt32()))
            .ToList();
        return new ParIndexScenarios(published, assessment, units, [.. leaves.Select(l => l.Code)], [.. leaves.Select(l => l.Version)]);
    }

    /// <summary>The number of leaves whose stored version is below the last version the server acknowledged.</summary>
    public static async Task<int> LostSavesAsync(HttpClient http, ParIndexScenarios scenarios)
    {
        ArgumentNullException.ThrowIfNull(scenarios);
        var assessment = (await JsonAsync(http, "/api/assessments")).EnumerateArray()
            .First(a => a.GetProperty("status").GetString() == "Draft").GetProperty("id").GetInt32();
        var stored = (await JsonAsync(http, $"/api/assessments/{assessment}")).GetProperty("nodes").EnumerateArray()
            .Where(n => n.GetProperty("leaf").ValueKind == JsonValueKind.Object)
            .ToDictionary(n => n.GetProperty("code").GetString()!, n => n.GetProperty("leaf").GetProperty("version").GetInt32(), StringComparer.Ordinal);
        return scenarios.Acknowledged.Count(a => stored.GetValueOrDefault(a.Leaf) < a.Version);
    }

    private static async Task<JsonElement> JsonAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(new Uri(path, UriKind.Relative));
        response.EnsureSuccessStatusCode();
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }
}
