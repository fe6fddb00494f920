using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.EntityFrameworkCore;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Data;

/// <summary>
/// Several instances on one PostgreSQL database (issue #11, item 4): started together without a
/// migration error, one key ring (a login on A is valid on B), evidence uploaded on A downloaded on
/// B (database and S3 stores), and optimistic concurrency across instances.
/// </summary>
public sealed class TwoInstancesTests(TwoInstancesFixture instances) : IClassFixture<TwoInstancesFixture>
{
    private static readonly Uri BaseAddress = new("http://localhost");

    /// <summary>Clients of two instances that share one cookie jar, as a browser behind a load balancer.</summary>
    private static (HttpClient OnA, HttpClient OnB) Pair(WebApplicationFactory<Program> a, WebApplicationFactory<Program> b)
    {
        var cookies = new CookieContainer();
        return (a.CreateDefaultClient(BaseAddress, new CookieContainerHandler(cookies)), b.CreateDefaultClient(BaseAddress, new CookieContainerHandler(cookies)));
    }

    private static async Task<HttpResponseMessage> UploadAsync(HttpClient client, string token, int assessmentId, byte[] bytes)
    {
        using var content = new MultipartFormDataContent();
        content.Add(new ByteArrayContent(bytes), "file", "ke-hoach.pdf");
        content.Add(new StringContent("1.2"), "leafCodes");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/assessments/{assessmentId}/evidence", UriKind.Relative)) { Content = content };
        request.Headers.Add("X-XSRF-TOKEN", token);
        return await client.SendAsync(request);
    }

    private async Task UploadOnAAndDownloadOnBAsync(WebApplicationFactory<Program> a, WebApplicationFactory<Program> b, int seed)
    {
        var id = await instances.A.AssessmentIdAsync("BG");
        var (onA, onB) = Pair(a, b);
        using (onA)
        using (onB)
        {
            Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.TryLoginAsync(onA, "editor.bacgiang", AppFixture.Password)).StatusCode);
            var bytes = TestFiles.Pdf(2000 + seed);
            // The antiforgery token comes from B and is checked by A: the key ring is shared.
            var uploaded = await UploadAsync(onA, await AppFixture.ApiTokenAsync(onB), id, bytes);
            Assert.Equal(HttpStatusCode.Created, uploaded.StatusCode);
            var evidenceId = (await uploaded.JsonAsync()).GetProperty("id").GetGuid();
            var download = await onB.GetAsync(new Uri($"/api/assessments/{id}/evidence/{evidenceId}", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, download.StatusCode);
            Assert.Equal(bytes, await download.Content.ReadAsByteArrayAsync());
        }
    }

    [Fact]
    public async Task Both_instances_started_together_serve_with_every_migration_and_one_key()
    {
        foreach (var app in new[] { instances.A, instances.B })
        {
            using var client = app.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        }

        var pending = await instances.A.WithDbAsync(async db => (await db.Database.GetPendingMigrationsAsync()).ToList());
        Assert.Empty(pending);
        Assert.Equal(1, await instances.A.WithDbAsync(db => db.DataProtectionKeys.CountAsync()));
        // The seed ran once: one demo campaign, not two.
        Assert.Equal(1, await instances.B.WithDbAsync(db => db.Campaigns.CountAsync(c => c.Name == DemoSeeder.CampaignName)));
    }

    [Fact]
    public async Task A_login_on_instance_A_is_valid_on_instance_B()
    {
        var id = await instances.A.AssessmentIdAsync("BG");
        var (onA, onB) = Pair(instances.A, instances.B);
        using (onA)
        using (onB)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await onB.GetAsync(new Uri($"/api/assessments/{id}", UriKind.Relative))).StatusCode);
            Assert.Equal(HttpStatusCode.Redirect, (await AppFixture.TryLoginAsync(onA, "editor.bacgiang", AppFixture.Password)).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await onB.GetAsync(new Uri($"/api/assessments/{id}", UriKind.Relative))).StatusCode);
        }
    }

    [Fact]
    public Task Evidence_stored_in_the_database_uploaded_on_A_is_downloaded_on_B() =>
        UploadOnAAndDownloadOnBAsync(instances.A, instances.B, seed: 1);

    [Fact]
    public async Task Evidence_stored_in_S3_uploaded_on_A_is_downloaded_on_B()
    {
        var bucket = await TestS3.CreateBucketAsync();
        WebApplicationFactory<Program> WithS3(InstanceApp app) => app.WithWebHostBuilder(b =>
        {
            b.UseSetting("Evidence:Store", "S3");
            b.UseSetting("Evidence:S3:ServiceUrl", TestS3.ServiceUrl);
            b.UseSetting("Evidence:S3:Bucket", bucket);
            b.UseSetting("Evidence:S3:AccessKey", TestS3.AccessKey);
            b.UseSetting("Evidence:S3:SecretKey", TestS3.SecretKey);
        });
        await using var a = WithS3(instances.A);
        await using var b = WithS3(instances.B);
        await UploadOnAAndDownloadOnBAsync(a, b, seed: 2);
    }

    [Fact]
    public async Task The_same_leaf_saved_on_A_and_B_with_one_version_gets_one_200_and_one_409()
    {
        var id = await instances.A.AssessmentIdAsync("BG");
        using var onA = await instances.A.LoginAsync("editor.bacgiang");
        using var onB = await instances.B.LoginAsync("editor.bacgiang");
        var version = (await onA.GetAssessmentAsync(id)).Leaf("1.5").GetProperty("version").GetInt32();
        var responses = await Task.WhenAll(
            onA.SaveLeafAsync(id, "1.5", new { version, score = "1", explanation = "Lưu trên máy A" }),
            onB.SaveLeafAsync(id, "1.5", new { version, score = "0,5", explanation = "Lưu trên máy B" }));
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.OK);
        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Equal(version + 1, (await onB.GetAssessmentAsync(id)).Leaf("1.5").GetProperty("version").GetInt32());
    }

    [Fact]
    public async Task With_MigrateAtStartup_false_an_instance_refuses_an_unmigrated_database_and_starts_on_a_migrated_one()
    {
        var database = "parindex_nomigrate_" + Guid.NewGuid().ToString("N")[..12];
        await TestPostgres.CreateDatabaseAsync(database);
        var connectionString = new Npgsql.NpgsqlConnectionStringBuilder(PostgresAppFixture.ServerConnectionString) { Database = database }.ConnectionString;
        var noMigration = new Dictionary<string, string> { ["Database:MigrateAtStartup"] = "false" };
        var refused = new InstanceApp(connectionString, noMigration);
        var migrating = new InstanceApp(connectionString, new Dictionary<string, string>());
        var started = new InstanceApp(connectionString, noMigration);
        try
        {
            var error = await Assert.ThrowsAnyAsync<Exception>(refused.InitializeAsync);
            Assert.Contains("Database:MigrateAtStartup", error.ToString(), StringComparison.Ordinal);
            Assert.Equal(0, await CountTablesAsync(connectionString));

            await migrating.InitializeAsync();
            await started.InitializeAsync();
            using var client = started.CreateClient();
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/health", UriKind.Relative))).StatusCode);
        }
        finally
        {
            await started.DisposeAsync();
            await migrating.DisposeAsync();
            await refused.DisposeAsync();
            await TestPostgres.DropDatabaseAsync(database);
        }
    }

    private static async Task<long> CountTablesAsync(string connectionString)
    {
        await using var connection = new Npgsql.NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
