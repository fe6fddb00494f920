using System.Globalization;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using ParIndex.Application.Problems;
using ParIndex.Application.Results;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Data.Accounts;
using ParIndex.Data.Assessments;
using ParIndex.Data.Bulk;
using ParIndex.Data.Campaigns;
using ParIndex.Data.History;

namespace ParIndex.Application.Demo;

/// <summary>What <c>parindex demo national</c> made.</summary>
public sealed record NationalDemoResult(int PublishedCampaignId, IReadOnlyList<int> PublishedCampaignIds, int OpenCampaignId, int Units, long LeafEntries);

/// <summary>
/// A national-size sample installation (ADR 0132): units of every kind (provinces, ministries,
/// departments, districts, communes), <c>years</c> published campaigns of the built-in framework
/// with self scores, appraisal, survey points and SIPAS counts, each one's results stored as a
/// snapshot at publication, and one open campaign (self-assessment in progress) for the workspace
/// pages. Everything is labelled sample data (dữ liệu mẫu). Leaf rows go through the provider's
/// bulk path (<see cref="IBulkRowWriter"/>, COPY on PostgreSQL), streamed unit by unit so memory
/// stays flat whatever the number of units; scores come from the scoring core as in the small demo.
/// </summary>
public sealed class NationalDemoGenerator(
    ParIndexDbContext db,
    IBulkRowWriter bulk,
    DemoSeeder seeder,
    ResultSnapshotService snapshots,
    UserManager<AppUser> users,
    IOptions<DemoOptions> options,
    TimeProvider clock)
{
    public const int MaxUnits = 20_000;
    public const int MaxYears = 5;
    public const string CodePrefix = "QG";

    /// <summary>The accounts made for the load harness and for trying the pages (demo password).</summary>
    public const string EditorUserName = "editor.national";
    public const string CoordinatorUserName = "coordinator.national";

    private static readonly string[] Regions =
    [
        "Trung du và miền núi phía Bắc", "Đồng bằng sông Hồng", "Bắc Trung Bộ và duyên hải miền Trung",
        "Tây Nguyên", "Đông Nam Bộ", "Đồng bằng sông Cửu Long",
    ];

    public static string CampaignName(int year) => $"Chỉ số CCHC toàn quốc {year} (dữ liệu mẫu)";

    public async Task<NationalDemoResult> GenerateAsync(int unitCount, int years, Action<string> progress, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(progress);
        if (unitCount is < 5 or > MaxUnits)
        {
            throw new FieldValidationException("units", $"Số đơn vị phải từ 5 đến {MaxUnits}.", $"The number of units must be between 5 and {MaxUnits}.");
        }

        if (years is < 1 or > MaxYears)
        {
            throw new FieldValidationException("years", $"Số năm phải từ 1 đến {MaxYears}.", $"The number of years must be between 1 and {MaxYears}.");
        }

        // Roles and built-in frameworks, as every installation has them.
        await seeder.SeedAsync(cancellationToken);
        if (await db.Units.AnyAsync(cancellationToken) || await db.Campaigns.AnyAsync(cancellationToken))
        {
            throw DomainException.Conflict("Cơ sở dữ liệu đã có đơn vị hoặc kỳ đánh giá: dữ liệu mẫu toàn quốc chỉ tạo trên cơ sở dữ liệu trống.",
                "The database already has units or campaigns: the national sample is made only on an empty database.");
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var framework = BuiltInFrameworks.Province2023;
        var record = await db.Frameworks.SingleAsync(f => f.FrameworkId == framework.Id && f.Version == framework.Version, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);

        var units = await AddUnitsAsync(unitCount, cancellationToken);
        progress($"Đã tạo {units.Count} đơn vị ({string.Join(", ", units.GroupBy(u => u.Kind).Select(g => $"{g.Key}: {g.Count()}"))}).");
        await AddAccountsAsync(units);

        var newest = now.Year - 1;
        var published = new List<int>();
        int? previous = null;
        long leafRows = 0;
        for (var year = newest - years + 1; year <= newest; year++)
        {
            var campaign = await AddCampaignAsync(record, year, previous, now, cancellationToken);
            leafRows += await AddAssessmentsAsync(campaign, framework, units, year, open: false, now, cancellationToken);
            await AddSurveyAsync(campaign, framework, units, year, now, cancellationToken);
            campaign.PublishedAt = now;
            db.History.Add(new HistoryEntry
            {
                At = now,
                UserName = "sample",
                Entity = nameof(Campaign),
                Field = "PublishedAt",
                NewValue = now.ToString("O", CultureInfo.InvariantCulture),
                Reason = $"Công bố kết quả kỳ đánh giá {campaign.Id} ({SampleCampaignGenerator.SampleReason})",
            });
            await db.SaveChangesAsync(cancellationToken);
            await snapshots.StoreAsync(campaign.Id, "sample", cancellationToken);
            progress($"Kỳ {campaign.Id} ({year}): {units.Count} bản đánh giá, đã công bố và lưu kết quả.");
            published.Add(campaign.Id);
            previous = campaign.Id;
        }

        var open = await AddCampaignAsync(record, newest + 1, previous, now, cancellationToken);
        open.SelfAssessmentDeadline = now.Date.AddDays(60);
        leafRows += await AddAssessmentsAsync(open, framework, units, newest + 1, open: true, now, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        progress($"Kỳ {open.Id} ({newest + 1}): đang tự đánh giá.");
        await transaction.CommitAsync(cancellationToken);
        return new NationalDemoResult(published[^1], published, open.Id, units.Count, leafRows);
    }

    private sealed record NewUnit(int Id, string Code, string Kind);

    /// <summary>
    /// The kinds in national proportions (63 provinces and 22 ministries at full size; about one
    /// department in ten, one district in fifteen, the rest communes), at least one of each.
    /// </summary>
    private async Task<List<NewUnit>> AddUnitsAsync(int count, CancellationToken cancellationToken)
    {
        var provinces = Math.Clamp(count / 174, 1, 63);
        var ministries = Math.Clamp(count / 500, 1, 22);
        var departments = Math.Max(1, count / 10);
        var districts = Math.Max(1, count / 15);
        var communes = count - provinces - ministries - departments - districts;

        // A child is in its province's region.
        var regions = new Dictionary<int, string?>();
        string? RegionOf(NewUnit parent) => regions.GetValueOrDefault(parent.Id);
        var top = new List<object?[]>();
        for (var i = 1; i <= provinces; i++)
        {
            top.Add([Code("T", i), $"Tỉnh mẫu số {i} (dữ liệu mẫu)", "province", null, Regions[(i - 1) % Regions.Length]]);
        }

        for (var i = 1; i <= ministries; i++)
        {
            top.Add([Code("B", i), $"Bộ mẫu số {i} (dữ liệu mẫu)", "ministry", null, null]);
        }

        await WriteUnitsAsync(top, cancellationToken);
        var level1 = await ReadUnitsAsync(cancellationToken);
        Remember(level1, top);
        var provinceUnits = level1.Where(u => u.Kind == "province").ToList();

        var middle = new List<object?[]>();
        for (var i = 1; i <= departments; i++)
        {
            var parent = provinceUnits[(i - 1) % provinceUnits.Count];
            middle.Add([Code("S", i), $"Sở mẫu số {i} thuộc {parent.Code} (dữ liệu mẫu)", "department", parent.Id, RegionOf(parent)]);
        }

        for (var i = 1; i <= districts; i++)
        {
            var parent = provinceUnits[(i - 1) % provinceUnits.Count];
            middle.Add([Code("H", i), $"Huyện mẫu số {i} thuộc {parent.Code} (dữ liệu mẫu)", "district", parent.Id, RegionOf(parent)]);
        }

        await WriteUnitsAsync(middle, cancellationToken);
        var level2 = await ReadUnitsAsync(cancellationToken);
        Remember(level2, middle);
        var districtUnits = level2.Where(u => u.Kind == "district").ToList();
        var bottom = new List<object?[]>();
        for (var i = 1; i <= communes; i++)
        {
            var parent = districtUnits[(i - 1) % districtUnits.Count];
            bottom.Add([Code("X", i), $"Xã mẫu số {i} thuộc {parent.Code} (dữ liệu mẫu)", "commune", parent.Id, RegionOf(parent)]);
        }

        await WriteUnitsAsync(bottom, cancellationToken);
        return await ReadUnitsAsync(cancellationToken);

        void Remember(List<NewUnit> written, List<object?[]> rows)
        {
            var byCode = rows.ToDictionary(r => (string)r[0]!, r => (string?)r[4], StringComparer.Ordinal);
            foreach (var u in written.Where(u => byCode.ContainsKey(u.Code)))
            {
                regions[u.Id] = byCode[u.Code];
            }
        }

        static string Code(string kind, int i) => string.Create(CultureInfo.InvariantCulture, $"{CodePrefix}-{kind}{i:00000}");
    }

    private Task<long> WriteUnitsAsync(List<object?[]> rows, CancellationToken cancellationToken) =>
        bulk.WriteAsync(db, "Units", ["Code", "Name", "Kind", "ParentId", "Region"], rows, cancellationToken);

    private async Task<List<NewUnit>> ReadUnitsAsync(CancellationToken cancellationToken) =>
        (await db.Units.AsNoTracking().Select(u => new { u.Id, u.Code, u.Kind }).ToListAsync(cancellationToken))
            .Select(u => new NewUnit(u.Id, u.Code, u.Kind)).OrderBy(u => u.Code, StringComparer.Ordinal).ToList();

    /// <summary>A unit editor of the first province and a coordinator, with the demo password.</summary>
    private async Task AddAccountsAsync(List<NewUnit> units)
    {
        var province = units.First(u => u.Kind == "province");
        foreach (var (name, fullName, role, unitId) in new[]
        {
            (EditorUserName, "Cán bộ đầu mối tỉnh mẫu số 1 (dữ liệu mẫu)", Roles.UnitEditor, (int?)province.Id),
            (CoordinatorUserName, "Chuyên viên cơ quan thường trực (dữ liệu mẫu)", Roles.Coordinator, null),
        })
        {
            var user = new AppUser { UserName = name, FullName = fullName, Email = name + "@parindex.invalid", EmailConfirmed = true, UnitId = unitId, LockoutEnabled = true };
            Check(await users.CreateAsync(user, options.Value.Password), name);
            Check(await users.AddToRoleAsync(user, role), name);
        }
    }

    private async Task<Campaign> AddCampaignAsync(FrameworkRecord record, int year, int? previous, DateTime now, CancellationToken cancellationToken)
    {
        var campaign = SampleCampaignGenerator.NewCampaign(CampaignName(year), record, year, previous, now);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        return campaign;
    }

    private static readonly string[] AssessmentColumns = ["CampaignId", "UnitId", "Status", "Version", "SubmittedAt", "SubmittedBy"];

    /// <returns>The number of leaf rows written.</returns>
    private async Task<long> AddAssessmentsAsync(Campaign campaign, Framework framework, List<NewUnit> units, int year, bool open, DateTime now, CancellationToken cancellationToken)
    {
        var status = (open ? AssessmentStatus.Draft : AssessmentStatus.Published).ToString();
        await bulk.WriteAsync(db, "Assessments", AssessmentColumns,
            units.Select(u => new object?[] { campaign.Id, u.Id, status, open ? 0 : 6, open ? null : now, open ? null : "sample" }), cancellationToken);
        var ids = await db.Assessments.AsNoTracking().Where(a => a.CampaignId == campaign.Id).Select(a => new { a.Id, a.UnitId }).ToListAsync(cancellationToken);
        var byUnit = ids.ToDictionary(a => a.UnitId, a => a.Id);
        var leaves = framework.Leaves().ToList();
        return await bulk.WriteAsync(db, "LeafEntries", SampleCampaignGenerator.EntryColumns, Rows(), cancellationToken);

        // Streamed: one unit's entries at a time, never the whole campaign in memory.
        IEnumerable<object?[]> Rows()
        {
            var random = new Random(year * 7919);
            foreach (var unit in units)
            {
                var strength = Strength(unit.Code, random);
                foreach (var leaf in leaves)
                {
                    var e = SampleCampaignGenerator.Entry(leaf, strength, random, now);
                    if (leaf.IsSurvey && !open)
                    {
                        e.SurveyScore = Math.Round(leaf.Max * Math.Clamp(strength, 0m, 1m) * 4, MidpointRounding.AwayFromZero) / 4;
                        e.SurveyMemo = $"{SampleCampaignGenerator.SampleReason}: điểm điều tra theo tỷ lệ hài lòng mẫu";
                    }

                    yield return
                    [
                        byUnit[unit.Id], e.LeafCode, e.Score, e.Level, e.FiguresJson, false, e.Explanation, e.Points, e.Memo, open ? 1 : e.Version, now, e.UpdatedBy,
                        open ? null : e.AppraisedScore, open ? null : e.AppraisalReason, open ? null : e.AppraisedBy, open ? null : e.AppraisedAt,
                        open ? null : e.ResponseText, open ? null : e.RespondedBy, open ? null : e.RespondedAt, open ? null : e.FinalScore, open ? null : e.FinalReason,
                        e.SurveyScore, e.SurveyMemo,
                    ];
                }
            }
        }
    }

    /// <summary>A quota per unit and the SIPAS counts per survey leaf (component), following the unit's strength.</summary>
    private async Task AddSurveyAsync(Campaign campaign, Framework framework, List<NewUnit> units, int year, DateTime now, CancellationToken cancellationToken)
    {
        var components = framework.Leaves().Where(l => l.IsSurvey).Select(l => l.Code).ToList();
        await bulk.WriteAsync(db, "SurveyQuotaTargets", ["CampaignId", "UnitId", "RespondentGroup", "Population", "Margin"],
            units.Select(u => new object?[] { campaign.Id, u.Id, "nguoi-dan", 800L + SampleCampaignGenerator.Stable(u.Code) % 40 * 100, DemoSurveySeeder.Margin }), cancellationToken);
        await bulk.WriteAsync(db, "SurveySipasResults", ["CampaignId", "UnitId", "Component", "ValidAnswers", "SatisfiedAnswers", "Share", "ComputedAt"], Rows(), cancellationToken);

        IEnumerable<object?[]> Rows()
        {
            var random = new Random(year * 104729);
            foreach (var unit in units)
            {
                var strength = Math.Clamp(Strength(unit.Code, random), 0m, 1m);
                foreach (var component in components)
                {
                    long valid = 60 + random.Next(340);
                    var satisfied = (long)Math.Round(valid * strength);
                    yield return [campaign.Id, unit.Id, component, valid, satisfied, Math.Round((decimal)satisfied / valid, 6), now];
                }
            }
        }
    }

    /// <summary>A steady strength per unit (seeded by its code) with a yearly drift, as the province demo.</summary>
    private static decimal Strength(string code, Random random) =>
        0.55m + SampleCampaignGenerator.Stable(code) % 40 / 100m + (decimal)(random.NextDouble() * 0.06 - 0.03);

    private static void Check(IdentityResult result, string userName)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Không tạo được tài khoản mẫu {userName}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
    }
}
