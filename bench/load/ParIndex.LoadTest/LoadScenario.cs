using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;

namespace ParIndex.LoadTest;

/// <summary>One kind of request the harness repeats: a name and what one client sends.</summary>
public sealed record LoadScenario(string Name, Func<LoadClient, CancellationToken, Task<HttpStatusCode>> Send);

/// <summary>A client of a round: its HTTP client and its number (0…clients-1).</summary>
public sealed record LoadClient(HttpClient Http, int Number);

/// <summary>What a round of one scenario measured.</summary>
public sealed record RoundResult(string Scenario, int Clients, long Requests, long Failures, double Seconds, double P50, double P95, double Max)
{
    public double PerSecond => Requests / Seconds;
}

/// <summary>
/// Runs one scenario with N concurrent clients for a fixed time (each client sends, waits for the
/// answer, sends again — closed loop) and reports latency percentiles in milliseconds.
/// </summary>
public static class LoadRunner
{
    public static async Task<RoundResult> RunAsync(LoadScenario scenario, IReadOnlyList<HttpClient> clients, TimeSpan duration, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(clients);
        var latencies = new List<double>[clients.Count];
        var failures = new long[clients.Count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var clock = Stopwatch.StartNew();
        stop.CancelAfter(duration);
        var workers = clients.Select((http, i) => Task.Run(async () =>
        {
            latencies[i] = [];
            var client = new LoadClient(http, i);
            while (!stop.IsCancellationRequested)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    var status = await scenario.Send(client, CancellationToken.None);
                    if ((int)status is < 200 or >= 400)
                    {
                        failures[i]++;
                    }
                }
                catch (HttpRequestException)
                {
                    failures[i]++;
                }

                latencies[i].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            }
        }, CancellationToken.None)).ToList();
        await Task.WhenAll(workers);
        var seconds = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToList();
        return new RoundResult(scenario.Name, clients.Count, all.Count, failures.Sum(), seconds,
            Percentile(all, 0.50), Percentile(all, 0.95), all.Count == 0 ? 0 : all[^1]);
    }

    private static double Percentile(List<double> sorted, double p) =>
        sorted.Count == 0 ? 0 : sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>The scenarios of issue 15 against one installation made by <c>parindex demo national</c>.</summary>
public sealed class ParIndexScenarios
{
    private readonly int publishedCampaign;
    private readonly int assessment;
    private readonly int[] cardUnits;
    private readonly string[] leaves;
    private readonly SemaphoreSlim[] leafLocks;
    private readonly int[] versions;
    private readonly int[] acknowledged;

    /// <param name="leaves">Leaves scored directly (a number), one per autosave client at most; clients beyond share them in turn.</param>
    public ParIndexScenarios(int publishedCampaign, int assessment, int[] cardUnits, string[] leaves, int[] leafVersions)
    {
        ArgumentNullException.ThrowIfNull(leaves);
        this.publishedCampaign = publishedCampaign;
        this.assessment = assessment;
        this.cardUnits = cardUnits;
        this.leaves = leaves;
        leafLocks = leaves.Select(_ => new SemaphoreSlim(1, 1)).ToArray();
        versions = [.. leafVersions];
        acknowledged = [.. leafVersions];
    }

    /// <summary>The version of each leaf that the server acknowledged last (to check that no acknowledged save is lost).</summary>
    public IReadOnlyList<(string Leaf, int Version)> Acknowledged => leaves.Select((l, i) => (l, Volatile.Read(ref acknowledged[i]))).ToList();

    public LoadScenario Health() => Get("/health", _ => "/health");

    public LoadScenario PublicRanking() => Get("ranking (first page of each group)", _ => $"/results/{publishedCampaign}");

    public LoadScenario PublicRankingPage() => Get("ranking page (communes, page n)", c => $"/results/{publishedCampaign}?nhom=commune&trang={1 + c.Number % 20}");

    public LoadScenario ScoreCard() => Get("score card", c => $"/results/{publishedCampaign}/units/{cardUnits[Random.Shared.Next(cardUnits.Length)]}");

    public LoadScenario SelfAssessmentPage() => Get("self-assessment page", _ => $"/assessments/{assessment}");

    public LoadScenario AssessmentApi() => Get("GET assessment API", _ => $"/api/assessments/{assessment}");

    /// <summary>One autosave per request: the client's leaf, at the version it last got back, a new score each time.</summary>
    public LoadScenario Autosave() => new("autosave", async (client, ct) =>
    {
        var i = client.Number % leaves.Length;
        await leafLocks[i].WaitAsync(ct);
        try
        {
            var score = (versions[i] % 2 == 0) ? "0.25" : "0.5";
            using var content = new StringContent($$"""{"version": {{versions[i]}}, "score": {{score}}, "explanation": "Đo tải (dữ liệu mẫu)"}""", Encoding.UTF8, "application/json");
            using var response = await client.Http.PutAsync(new Uri($"/api/assessments/{assessment}/leaves/{leaves[i]}", UriKind.Relative), content, ct);
            if (response.IsSuccessStatusCode)
            {
                using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync(ct), cancellationToken: ct);
                versions[i] = json.RootElement.GetProperty("leaf").GetProperty("version").GetInt32();
                Volatile.Write(ref acknowledged[i], versions[i]);
            }

            return response.StatusCode;
        }
        finally
        {
            leafLocks[i].Release();
        }
    });

    private static LoadScenario Get(string name, Func<LoadClient, string> path) => new(name, async (client, ct) =>
    {
        using var response = await client.Http.GetAsync(new Uri(path(client), UriKind.Relative), HttpCompletionOption.ResponseContentRead, ct);
        return response.StatusCode;
    });
}
