using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using ParIndex.Tests.Shared;
using ParIndex.Web.Tests.Infrastructure;
using Xunit.Abstractions;

namespace ParIndex.Web.Tests.Fuzzing;

/// <summary>
/// Deterministic fuzzing of the JSON save endpoint <c>PUT /api/assessments/{id}/leaves/{code}</c>
/// (and, in LeafSaveFuzzTests.Endpoints.cs, of every other JSON write endpoint)
/// on SQLite (docs/fuzzing.md): random bodies of every shape. Every answer is below 500, and every
/// error is a ProblemDetails. Its own app host, so the random saves touch no other test's data.
/// </summary>
public sealed partial class LeafSaveFuzzTests(SqliteAppFixture app, ITestOutputHelper output) : IClassFixture<SqliteAppFixture>
{
    private const int Seed = 2024;

    [Fact]
    public async Task Random_leaf_save_bodies_never_get_a_500_and_errors_are_problem_details()
    {
        var id = await app.AssessmentIdAsync("LS");
        using var editor = await app.LoginAsync("editor.langson");
        var assessment = await editor.GetAssessmentAsync(id);
        var versions = assessment.GetProperty("nodes").EnumerateArray()
            .Where(n => n.TryGetProperty("leaf", out var leaf) && leaf.ValueKind == JsonValueKind.Object)
            .ToDictionary(n => n.GetProperty("code").GetString()!, n => n.GetProperty("leaf").GetProperty("version").GetInt32(), StringComparer.Ordinal);
        var codes = versions.Keys.ToArray();
        var cases = 200 * Fuzz.Scale;
        var failures = new List<string>();
        var samples = new List<string>();
        var statuses = new SortedDictionary<int, int>();
        var clock = System.Diagnostics.Stopwatch.StartNew();
        for (var i = 0; i < cases; i++)
        {
            var random = new Random(unchecked((Seed * 1_000_003) + i));
            var code = random.Next(10) switch
            {
                // The test server's client refuses a NUL in the path (Kestrel answers 400 before the app): none here.
                0 => Fuzz.RandomUnicode(random, random.Next(1, 12)).Replace('\0', '0'),
                1 => "9.9.9",
                _ => codes[random.Next(codes.Length)],
            };
            var (kind, body) = Body(random, versions.GetValueOrDefault(code));
            using var content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
            content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10)); // hang guard
            using var response = await editor.PutAsync(new Uri($"/api/assessments/{id}/leaves/{Uri.EscapeDataString(code)}", UriKind.Relative), content, timeout.Token);
            var status = (int)response.StatusCode;
            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            var text = await response.Content.ReadAsStringAsync(timeout.Token);
            if (status >= 500)
            {
                failures.Add($"case {i} ({kind}, leaf {code}): {status}");
            }
            else if (status >= 400 && !IsProblem(response, text, status))
            {
                failures.Add($"case {i} ({kind}, leaf {code}): {status} without ProblemDetails: {Shorten(text)}");
            }
            else if (status == 400 && samples.Count < 12)
            {
                samples.Add($"case {i} ({kind}): {Shorten(text)}");
            }
            else if (status == 200)
            {
                versions[code] = JsonDocument.Parse(text).RootElement.GetProperty("leaf").GetProperty("version").GetInt32();
            }
        }

        var summary = $"leaf-save-json: {cases} cases, seed {Seed}, {failures.Count} failures; {clock.Elapsed.TotalSeconds:0.0} s; "
            + string.Join(", ", statuses.Select(s => $"HTTP {s.Key} {s.Value}"));
        output.WriteLine(summary);
        Directory.CreateDirectory(Fuzz.ResultsFolder);
        await File.WriteAllTextAsync(Path.Combine(Fuzz.ResultsFolder, "leaf-save-json.txt"), summary + "\n" + string.Join("\n", failures) + "\nSome 400s:\n" + string.Join("\n", samples) + "\n");
        Assert.True(failures.Count == 0, summary + "\n" + string.Join("\n", failures.Take(30)));
        Assert.True(statuses.ContainsKey(200) && statuses.ContainsKey(400), summary);
    }

    private static bool IsProblem(HttpResponseMessage response, string text, int status)
    {
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return false;
        }

        try
        {
            var problem = JsonDocument.Parse(text).RootElement;
            return problem.GetProperty("status").GetInt32() == status && problem.TryGetProperty("title", out _);
        }
        catch (JsonException)
        {
            return false;
        }
    }

    /// <summary>A body: mostly a leaf-save object with fields of every type, sometimes not an object or not JSON at all.</summary>
    private static (string Kind, string Body) Body(Random random, int version)
    {
        switch (random.Next(14))
        {
            case 0:
                return ("not-json", Fuzz.RandomUnicode(random, random.Next(40)));
            case 1:
                return ("not-an-object", RandomValue(random, 0));
            case 2:
                return ("empty", "");
            case 3:
                var valid = $"{{\"version\":{version},\"score\":\"{random.Next(3)}\",\"explanation\":\"x\"}}";
                return ("truncated", valid[..random.Next(valid.Length)]);
            default:
                break;
        }

        string[] keys = ["version", "score", "level", "figures", "notApplicable", "explanation", "reason"];
        var fields = new List<string>();
        var kinds = new List<string>();
        // A third of the bodies are well typed throughout (they reach the scoring), a third have one odd field, a third many.
        var mode = random.Next(3);
        var odd = keys[random.Next(keys.Length)];
        foreach (var key in keys.Where(k => k == "version" ? random.Next(8) > 0 : random.Next(3) > 0))
        {
            var (kind, value) = Field(random, key, version, wellTyped: mode == 0 || (mode == 1 && key != odd) || (mode == 2 && random.Next(2) == 0));
            kinds.Add($"{key}={kind}");
            fields.Add($"\"{key}\":{value}");
        }

        if (random.Next(6) == 0)
        {
            fields.Add($"\"{Escape(Fuzz.RandomUnicode(random, 6))}\":{RandomValue(random, 0)}");
            kinds.Add("unknown-key");
        }

        return (string.Join(";", kinds), "{" + string.Join(",", fields) + "}");
    }

    private static (string Kind, string Value) Field(Random random, string key, int version, bool wellTyped)
    {
        if (wellTyped)
        {
            string[] scores = ["0", "0,5", "1", "0.25", "2"];
            return key switch
            {
                "version" => ("current", version.ToString(CultureInfo.InvariantCulture)),
                "score" => random.Next(3) == 0 ? ("number-text", "\"" + Escape(Fuzz.RandomNumberText(random)) + "\"") : ("score", "\"" + scores[random.Next(scores.Length)] + "\""),
                "level" => ("text", "\"" + "ABCDE"[random.Next(5)] + "\""),
                "figures" => random.Next(3) == 0
                    ? ("number-text-figures", "{\"numerator\":\"" + Escape(Fuzz.RandomNumberText(random)) + "\",\"denominator\":" + random.Next(-1, 100) + "}")
                    : ("figures", "{\"numerator\":" + random.Next(0, 50) + ",\"denominator\":" + random.Next(0, 50) + "}"),
                "notApplicable" => ("bool", random.Next(2) == 0 ? "true" : "false"),
                // Text JSON can carry (no lone surrogate halves, which the JSON reader refuses), NUL and controls included.
                _ => ("text", "\"" + Escape(new string(Fuzz.RandomUnicode(random, random.Next(200)).Select(c => char.IsSurrogate(c) ? 'x' : c).ToArray())) + "\""),
            };
        }

        return ("random", RandomValue(random, 0));
    }

    private static string RandomValue(Random random, int depth) => random.Next(depth > 2 ? 8 : 11) switch
    {
        0 => "null",
        1 => random.Next(2) == 0 ? "true" : "false",
        2 => "1" + new string('0', random.Next(20, 400)),
        3 => "-1e400",
        4 => "\"" + Escape(Fuzz.RandomUnicode(random, random.Next(60))) + "\"",
        5 => "\"\\u0000\"",
        6 => "\"" + new string('x', random.Next(100_000)) + "\"",
        7 => random.Next(int.MinValue, int.MaxValue).ToString(CultureInfo.InvariantCulture) + ".5",
        8 => "[" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth + 1))) + "]",
        9 => "{" + string.Join(",", Enumerable.Range(0, random.Next(4)).Select(k => $"\"k{k}\":" + RandomValue(random, depth + 1))) + "}",
        _ => new string('[', 200) + new string(']', 200),
    };

    /// <summary>JSON string escaping of arbitrary text, lone surrogates included (as \u escapes, which JSON allows).</summary>
    private static string Escape(string text)
    {
        var escaped = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (c is '"' or '\\' || c < 0x20 || char.IsSurrogate(c))
            {
                escaped.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:x4}");
            }
            else
            {
                escaped.Append(c);
            }
        }

        return escaped.ToString();
    }

    private static string Shorten(string text) => text.Length <= 160 ? text : text[..157] + "…";
}
