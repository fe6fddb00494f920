using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Crosswalks;
using ParIndex.Application.Frameworks;
using ParIndex.Core.Frameworks;
using ParIndex.Data;
using ParIndex.Data.Campaigns;

namespace ParIndex.Application.Demo;

/// <summary>
/// Sample data (dữ liệu mẫu, not an official framework): a made-up 2024 version of the provincial
/// framework whose field 1 changed — 1.1 and 1.2 merged, 1.3–1.5 renumbered to 1.2–1.4, 1.6
/// dropped for a new criterion — and the stored crosswalk from 2023 to it: suggested, then the
/// merge stated by hand, as a coordinator would.
/// </summary>
public static class DemoCrosswalkSeeder
{
    public const string SampleFrameworkId = "par-index-province-2024-mau";
    public const string NewLeafTitle = "Ứng dụng công nghệ số trong chỉ đạo, điều hành CCHC (tiêu chí mẫu)";

    public static async Task SeedAsync(ParIndexDbContext db, TimeProvider clock, CancellationToken cancellationToken)
    {
        var old = BuiltInFrameworks.Province2023;
        var oldRecord = await db.Frameworks.SingleAsync(f => f.FrameworkId == old.Id && f.Version == old.Version, cancellationToken);
        var sample = Sample2024(old);
        var record = new FrameworkRecord
        {
            FrameworkId = sample.Id,
            Version = sample.Version,
            Year = sample.Year,
            Title = sample.Title,
            UnitKind = sample.UnitKind,
            Json = FrameworkFile.ToJson(sample),
            ImportedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Frameworks.Add(record);
        await db.SaveChangesAsync(cancellationToken);

        var service = new CrosswalkService(db, new FrameworkCache(), clock);
        var user = CurrentUser.Operator("coordinator");
        var suggested = await service.SuggestAsync(new CrosswalkCreateRequest(oldRecord.Id, record.Id), user, cancellationToken, isSample: true);
        // The suggester sees "1.1 renamed" and "1.2 removed"; the coordinator states the merge.
        var rows = suggested.Entries
            .Where(e => !(e.From.SequenceEqual(["1.2"]) && e.To.Count == 0))
            .Select(e => e.From.SequenceEqual(["1.1"]) ? new CrosswalkEntryInput(null, ["1.1", "1.2"], ["1.1"]) : new CrosswalkEntryInput(e.Kind, e.From, e.To))
            .ToList();
        await service.SaveAsync(suggested.Id, new CrosswalkEditRequest(suggested.Version, rows), user, cancellationToken);
    }

    /// <summary>The sample 2024 version of <paramref name="old"/>: only field 1 differs.</summary>
    public static Framework Sample2024(Framework old)
    {
        ArgumentNullException.ThrowIfNull(old);
        var field = old.Nodes[0];
        var c = field.Children;
        var merged = new FrameworkNode { Code = "1.1", Title = "Thực hiện kế hoạch CCHC và chế độ báo cáo CCHC định kỳ (tiêu chí mẫu)", Max = c[0].Max + c[1].Max };
        var added = new FrameworkNode { Code = "1.5", Title = NewLeafTitle, Max = c[5].Max };
        var children = new List<FrameworkNode> { merged, Renumber(c[2], "1.2"), Renumber(c[3], "1.3"), Renumber(c[4], "1.4"), added };
        children.AddRange(c.Skip(6).Select((n, i) => Renumber(n, $"1.{6 + i}")));
        return new Framework
        {
            Id = SampleFrameworkId,
            Version = "1",
            Year = 2024,
            Title = "Bộ chỉ số CCHC cấp tỉnh 2024 — phiên bản mẫu (dữ liệu mẫu, không phải văn bản chính thức)",
            UnitKind = old.UnitKind,
            Nodes = [Copy(field, field.Code, children), .. old.Nodes.Skip(1)],
        };
    }

    private static FrameworkNode Renumber(FrameworkNode node, string code) =>
        Copy(node, code, node.Children.Select((child, i) => Renumber(child, $"{code}.{i + 1}")).ToList());

    private static FrameworkNode Copy(FrameworkNode node, string code, IReadOnlyList<FrameworkNode> children) => new()
    {
        Code = code,
        Title = node.Title,
        Max = node.Max,
        Rule = node.Rule,
        Guidance = node.Guidance,
        Children = children,
    };
}
