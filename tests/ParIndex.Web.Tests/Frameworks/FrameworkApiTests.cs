using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using ParIndex.Application.Demo;
using ParIndex.Core.Frameworks;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Frameworks;

/// <summary>
/// The framework library's API (ADR 0122) on each database: the list by role, an import refused with
/// every problem as ProblemDetails errors keyed by node code (or by "file" with line and column), the
/// editor's save with its revision check, activation refused while problems remain.
/// </summary>
public abstract class FrameworkApiTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private static readonly Uri List = new("/api/frameworks", UriKind.Relative);
    private static readonly Uri Import = new("/api/frameworks/import", UriKind.Relative);

    [Fact]
    public async Task The_list_shows_drafts_to_managers_only_and_an_import_is_refused_with_every_problem()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var states = States(await (await coordinator.GetAsync(List)).JsonAsync());
        Assert.Equal("Active", states[BuiltInFrameworks.Province2023Id]);
        Assert.Equal("Active", states[DemoCrosswalkSeeder.SampleFrameworkId]);
        Assert.Equal("Active", states[DemoDepartmentFramework.FrameworkId]);

        // Unreadable: the problem names the file with its line and column.
        var unreadable = await PostJsonAsync(coordinator, Import, "{\n  \"format\": \"parindex-framework/1\",\n  \"id\": ,\n}");
        await unreadable.AssertProblemAsync(HttpStatusCode.BadRequest);
        var fileError = Assert.Single(Errors(await unreadable.JsonAsync())["file"]);
        Assert.Contains("Dòng 3", fileError, StringComparison.Ordinal);

        // Readable with two broken sums and a bad year: every problem, each at its node; nothing stored.
        var (leafA, parentA) = LeafAndParent(0);
        var (leafB, parentB) = LeafAndParent(1);
        var file = Edited(FrameworkFile.ToJson(BuiltInFrameworks.Province2023), "api-broken-2023", (leafA, 0.25m), (leafB, 0.5m));
        file["year"] = 1800;
        var refused = await PostJsonAsync(coordinator, Import, file.ToJsonString());
        var detail = await refused.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains("vấn đề", detail, StringComparison.Ordinal);
        var errors = Errors(await refused.JsonAsync());
        Assert.Contains(parentA, errors.Keys);
        Assert.Contains(parentB, errors.Keys);
        Assert.Contains("year", errors.Keys);
        Assert.DoesNotContain("api-broken-2023", States(await (await coordinator.GetAsync(List)).JsonAsync()).Keys);

        // A user who manages neither campaigns nor units is forbidden to import and never sees a draft.
        using var editor = await app.LoginAsync("editor.bacgiang");
        var valid = Edited(FrameworkFile.ToJson(BuiltInFrameworks.Province2023), "api-import-2023");
        Assert.Equal(HttpStatusCode.Forbidden, (await PostJsonAsync(editor, Import, valid.ToJsonString())).StatusCode);
        var created = await PostJsonAsync(coordinator, Import, valid.ToJsonString());
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var draft = await created.JsonAsync();
        Assert.Equal("Draft", draft.GetProperty("state").GetString());
        Assert.Equal("Draft", States(await (await coordinator.GetAsync(List)).JsonAsync())["api-import-2023"]);
        var seenByEditor = States(await (await editor.GetAsync(List)).JsonAsync());
        Assert.DoesNotContain("api-import-2023", seenByEditor.Keys);
        Assert.Equal("Active", seenByEditor[BuiltInFrameworks.Province2023Id]);
        Assert.Equal(HttpStatusCode.NotFound, (await editor.GetAsync(new Uri($"/api/frameworks/{draft.GetProperty("id").GetInt32()}", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task A_stale_save_is_a_conflict_and_activation_waits_until_the_draft_has_no_problem()
    {
        using var coordinator = await app.LoginAsync("coordinator");
        var province = (await (await coordinator.GetAsync(List)).JsonAsync()).EnumerateArray()
            .Single(f => f.GetProperty("frameworkId").GetString() == BuiltInFrameworks.Province2023Id).GetProperty("id").GetInt32();
        var cloned = await coordinator.PostAsJsonAsync(new Uri($"/api/frameworks/{province}/clone", UriKind.Relative), new { year = 2031 });
        Assert.Equal(HttpStatusCode.Created, cloned.StatusCode);
        var id = (await cloned.JsonAsync()).GetProperty("id").GetInt32();
        var link = new Uri($"/api/frameworks/{id}", UriKind.Relative);
        var detail = await (await coordinator.GetAsync(link)).JsonAsync();
        var revision = detail.GetProperty("summary").GetProperty("revision").GetInt32();
        var original = detail.GetProperty("json").GetString()!;

        // A draft may be saved with problems; the sum problem sits at the leaf's parent.
        var (leaf, parent) = LeafAndParent(0);
        var broken = Edited(original, null, (leaf, 0.25m)).ToJsonString();
        var saved = await coordinator.PutAsJsonAsync(link, new { revision, json = broken });
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        var savedView = await saved.JsonAsync();
        Assert.Equal(revision + 1, savedView.GetProperty("summary").GetProperty("revision").GetInt32());
        Assert.Contains(savedView.GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == parent);

        // The same revision again: someone saved since, so the edit is refused and nothing changes.
        var stale = await coordinator.PutAsJsonAsync(link, new { revision, json = original });
        Assert.Contains("lần sửa", await stale.AssertProblemAsync(HttpStatusCode.Conflict), StringComparison.Ordinal);
        Assert.Equal(revision + 1, (await (await coordinator.GetAsync(link)).JsonAsync()).GetProperty("summary").GetProperty("revision").GetInt32());

        var activate = new Uri($"/api/frameworks/{id}/activate", UriKind.Relative);
        var notYet = await coordinator.PostAsJsonAsync(activate, new { revision = revision + 1 });
        await notYet.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Contains(parent, Errors(await notYet.JsonAsync()).Keys);

        using var editor = await app.LoginAsync("editor.bacgiang");
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PutAsJsonAsync(link, new { revision = revision + 1, json = original })).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await editor.PostAsJsonAsync(activate, new { revision = revision + 1 })).StatusCode);

        var fixedDraft = await coordinator.PutAsJsonAsync(link, new { revision = revision + 1, json = original });
        Assert.Empty((await fixedDraft.JsonAsync()).GetProperty("problems").EnumerateArray());
        var active = await coordinator.PostAsJsonAsync(activate, new { revision = revision + 2 });
        Assert.Equal(HttpStatusCode.OK, active.StatusCode);
        Assert.Equal("Active", (await active.JsonAsync()).GetProperty("state").GetString());
        // Frozen: a later save is refused.
        await (await coordinator.PutAsJsonAsync(link, new { revision = revision + 3, json = original })).AssertProblemAsync(HttpStatusCode.Conflict);
    }

    private static Dictionary<string, string> States(JsonElement list) =>
        list.EnumerateArray().ToDictionary(f => f.GetProperty("frameworkId").GetString()!, f => f.GetProperty("state").GetString()!, StringComparer.Ordinal);

    private static Dictionary<string, string[]> Errors(JsonElement problem) =>
        problem.GetProperty("errors").EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString()!).ToArray(), StringComparer.Ordinal);

    /// <summary>The first leaf of field <paramref name="field"/> (0-based) of the built-in 2023 framework, and its parent's code.</summary>
    private static (string Leaf, string Parent) LeafAndParent(int field)
    {
        var leaf = BuiltInFrameworks.Province2023.Leaves().First(l => l.Code.StartsWith($"{field + 1}.", StringComparison.Ordinal) && !l.IsSurvey).Code;
        return (leaf, leaf[..leaf.LastIndexOf('.')]);
    }

    /// <summary>The file with another id (when given) and some maxima changed, as the editor sends it.</summary>
    private static JsonObject Edited(string json, string? id, params (string Code, decimal Max)[] maxima)
    {
        var file = JsonNode.Parse(json)!.AsObject();
        if (id is not null)
        {
            file["id"] = id;
        }

        void Visit(JsonArray? nodes)
        {
            foreach (var node in nodes?.OfType<JsonObject>() ?? [])
            {
                var code = node["code"]!.GetValue<string>();
                foreach (var (target, max) in maxima.Where(m => m.Code == code))
                {
                    node["max"] = node["max"]!.GetValue<decimal>() + max;
                }

                Visit(node["children"] as JsonArray);
            }
        }

        Visit(file["nodes"] as JsonArray);
        return file;
    }

    private static Task<HttpResponseMessage> PostJsonAsync(HttpClient client, Uri uri, string json) =>
        client.PostAsync(uri, new StringContent(json, Encoding.UTF8, "application/json"));
}

public sealed class FrameworkApiTestsOnSqlite(SqliteAppFixture app) : FrameworkApiTests<SqliteAppFixture>(app);

public sealed class FrameworkApiTestsOnPostgres(PostgresAppFixture app) : FrameworkApiTests<PostgresAppFixture>(app);
