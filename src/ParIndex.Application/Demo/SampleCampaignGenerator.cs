using System.Globalization;
using System.Text.Json;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using Microsoft.EntityFrameworkCore;
using ParIndex.Data.Assessments;
using ParIndex.Data.Bulk;
using ParIndex.Data.Campaigns;
using ParIndex.Data.History;
using ParIndex.Data.Units;

namespace ParIndex.Application.Demo;

/// <summary>
/// A province-internal demo: Bắc Giang assessing its departments and districts in 2022 and 2023,
/// generated deterministically (fixed seeds) and clearly labelled as sample data, taken through
/// appraisal to publication so that the public pages show a real ranking after the first start.
/// Inputs go through the scoring core, so every self score has its calculation memo.
/// </summary>
public static class SampleCampaignGenerator
{
    public const string SampleReason = "Dữ liệu mẫu sinh tự động";

    /// <summary>The districts' sample campaign (the departments have their own, on the department framework: <see cref="DemoDepartmentFramework"/>).</summary>
    public static string CampaignName(int year) => $"Chỉ số CCHC các huyện, thành phố tỉnh Bắc Giang {year} (dữ liệu mẫu)";

    private static readonly string[] AdjustReasons =
    [
        "Tài liệu kiểm chứng chưa chứng minh đầy đủ kết quả tự chấm",
        "Văn bản ban hành sau thời hạn quy định",
        "Số liệu không khớp với báo cáo của Sở Nội vụ",
        "Chưa có tài liệu kiểm chứng cho một phần nội dung",
    ];

    /// <summary>The columns of a generated leaf entry written in bulk (the small demo's and the national sample's).</summary>
    internal static readonly string[] EntryColumns =
    [
        "AssessmentId", "LeafCode", "Score", "Level", "FiguresJson", "NotApplicable", "Explanation", "Points", "Memo", "Version", "UpdatedAt", "UpdatedBy",
        "AppraisedScore", "AppraisalReason", "AppraisedBy", "AppraisedAt", "ResponseText", "RespondedBy", "RespondedAt", "FinalScore", "FinalReason",
        "SurveyScore", "SurveyMemo",
    ];

    private static readonly string[] AssessmentColumns = ["CampaignId", "UnitId", "Status", "Version", "SubmittedAt", "SubmittedBy"];

    private static readonly string[] HistoryColumns = ["At", "UserName", "Entity", "AssessmentId", "LeafCode", "Field", "OldValue", "NewValue", "Reason"];

    /// <summary>
    /// Adds one campaign (saved, tracked) whose assessments are all published, with their leaf
    /// entries and workflow history written through the bulk row writer (ADR 0132) in the caller's
    /// transaction; the caller imports its survey and publishes it.
    /// </summary>
    /// <param name="strengths">Receives each unit's strength (0..1), which its sample survey follows.</param>
    public static async Task<Campaign> AddAsync(ParIndexDbContext db, IBulkRowWriter bulk, FrameworkRecord record, Framework framework, IReadOnlyList<Unit> units,
        int year, int? previousCampaignId, DateTime now, CancellationToken cancellationToken, IDictionary<string, decimal>? strengths = null, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(bulk);
        ArgumentNullException.ThrowIfNull(units);
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(framework);
        var campaign = NewCampaign(name ?? CampaignName(year), record, year, previousCampaignId, now);
        db.Campaigns.Add(campaign);
        await db.SaveChangesAsync(cancellationToken);
        // The same draws in the same order as ever (unit by unit, leaf by leaf), so the sample stays the same data.
        var random = new Random(2023 * 31 + year);
        var leaves = framework.Leaves().ToList();
        var drawn = new List<(Unit Unit, List<LeafEntry> Entries)>(units.Count);
        foreach (var unit in units)
        {
            // Each unit has a steady strength (seeded by its code) and a yearly drift.
            var strength = 0.62m + (Stable(unit.Code) % 33) / 100m + (decimal)(random.NextDouble() * 0.06 - 0.03);
            strengths?.Add(unit.Code, strength);
            drawn.Add((unit, leaves.Select(leaf => Entry(leaf, strength, random, now)).ToList()));
        }

        var published = AssessmentStatus.Published.ToString();
        await bulk.WriteAsync(db, "Assessments", AssessmentColumns,
            units.Select(u => new object?[] { campaign.Id, u.Id, published, 6, now, "sample" }), cancellationToken);
        var ids = await db.Assessments.AsNoTracking().Where(a => a.CampaignId == campaign.Id)
            .ToDictionaryAsync(a => a.UnitId, a => a.Id, cancellationToken);
        await bulk.WriteAsync(db, "LeafEntries", EntryColumns,
            drawn.SelectMany(d => d.Entries.Select(e => EntryRow(ids[d.Unit.Id], e))), cancellationToken);
        await bulk.WriteAsync(db, "History", HistoryColumns, drawn.SelectMany(d => History(ids[d.Unit.Id], d.Entries, now)), cancellationToken);
        return campaign;
    }

    /// <summary>A generated entry as a row of <see cref="EntryColumns"/>.</summary>
    internal static object?[] EntryRow(int assessmentId, LeafEntry e) =>
    [
        assessmentId, e.LeafCode, e.Score, e.Level, e.FiguresJson, e.NotApplicable, e.Explanation, e.Points, e.Memo, e.Version, e.UpdatedAt, e.UpdatedBy,
        e.AppraisedScore, e.AppraisalReason, e.AppraisedBy, e.AppraisedAt, e.ResponseText, e.RespondedBy, e.RespondedAt, e.FinalScore, e.FinalReason,
        e.SurveyScore, e.SurveyMemo,
    ];

    /// <summary>The history of the generated workflow of one assessment: each step of its path, then each appraisal adjustment.</summary>
    private static IEnumerable<object?[]> History(int assessmentId, List<LeafEntry> entries, DateTime now)
    {
        foreach (var (from, to, by) in Path)
        {
            yield return [now, by, nameof(Assessment), assessmentId, null, "Status", from.ToString(), to.ToString(), SampleReason];
        }

        foreach (var entry in entries.Where(e => e.AppraisalReason is not null))
        {
            yield return
            [
                now, "appraiser", nameof(LeafEntry), assessmentId, entry.LeafCode, HistoryFields.AppraisedScore,
                entry.Points?.ToString(CultureInfo.InvariantCulture), entry.AppraisedScore?.ToString(CultureInfo.InvariantCulture), entry.AppraisalReason,
            ];
        }
    }

    /// <summary>A sample campaign of a year with the demo's deadlines (15 December, responses 20 January).</summary>
    internal static Campaign NewCampaign(string name, FrameworkRecord record, int year, int? previousCampaignId, DateTime now) => new()
    {
        Name = name,
        Year = year,
        FrameworkRecordId = record.Id,
        CreatedAt = now,
        IsSample = true,
        SelfAssessmentDeadline = new DateTime(year, 12, 15, 10, 0, 0, DateTimeKind.Utc),
        ResponseDeadline = new DateTime(year + 1, 1, 20, 10, 0, 0, DateTimeKind.Utc),
        PreviousCampaignId = previousCampaignId,
    };

    private static readonly (AssessmentStatus From, AssessmentStatus To, string By)[] Path =
    [
        (AssessmentStatus.Draft, AssessmentStatus.Submitted, "sample"),
        (AssessmentStatus.Submitted, AssessmentStatus.UnderAppraisal, "appraiser"),
        (AssessmentStatus.UnderAppraisal, AssessmentStatus.PreliminarySent, "coordinator"),
        (AssessmentStatus.PreliminarySent, AssessmentStatus.Responded, "sample"),
        (AssessmentStatus.Responded, AssessmentStatus.Final, "chair"),
        (AssessmentStatus.Final, AssessmentStatus.Published, "coordinator"),
    ];

    internal static LeafEntry Entry(FrameworkNode leaf, decimal strength, Random random, DateTime now)
    {
        var share = Math.Clamp(strength + (decimal)(random.NextDouble() * 0.3 - 0.12), 0m, 1m);
        var entry = new LeafEntry { LeafCode = leaf.Code, UpdatedAt = now, UpdatedBy = "sample", Version = 3, Explanation = SampleReason };
        if (leaf.IsSurvey)
        {
            // Survey points come from the generated survey, imported by the seeder.
            return entry;
        }

        var input = leaf.EffectiveRule switch
        {
            LevelsRule levels => new LeafEntryInput(null, levels.Levels.OrderByDescending(l => l.Points).ElementAt(share > 0.8m ? 0 : Math.Min(levels.Levels.Count - 1, share > 0.55m ? 1 : 2)).Key, null),
            RatioRule => new LeafEntryInput(null, null, new Dictionary<string, decimal> { [LeafEntryInput.Numerator] = Math.Round(400 * share), [LeafEntryInput.Denominator] = 400 }),
            BandsRule => new LeafEntryInput(null, null, new Dictionary<string, decimal> { [LeafEntryInput.BandValue] = Math.Round(100 * share, 1) }),
            ExpressionRule expression => new LeafEntryInput(null, null, expression.Inputs.ToDictionary(i => i.Name, _ => Math.Round(50 + 50 * share))),
            BonusPenaltyRule => new LeafEntryInput(0m, null, null),
            _ => new LeafEntryInput(Math.Round(leaf.Max * share * 4, MidpointRounding.AwayFromZero) / 4, null, null),
        };
        var outcome = LeafScorer.Score(leaf, input);
        entry.Score = input.Score;
        entry.Level = input.Level;
        entry.FiguresJson = input.Figures is { Count: > 0 } figures ? JsonSerializer.Serialize(figures) : null;
        entry.Points = outcome.Points ?? 0m;
        entry.Memo = outcome.Memo?.Text ?? "";
        entry.AppraisedScore = entry.Points;
        entry.AppraisedBy = "appraiser";
        entry.AppraisedAt = now;
        // About one leaf in eight is adjusted; half of the adjustments are answered, and a third of those restored.
        if (entry.Points > 0 && random.Next(8) == 0)
        {
            entry.AppraisedScore = LeafScorer.RoundScore(entry.Points.Value / 2);
            entry.AppraisalReason = AdjustReasons[random.Next(AdjustReasons.Length)];
            if (random.Next(2) == 0)
            {
                entry.ResponseText = "Đơn vị bổ sung văn bản chứng minh (dữ liệu mẫu)";
                entry.RespondedBy = "sample";
                entry.RespondedAt = now;
                if (random.Next(3) == 0)
                {
                    entry.FinalScore = entry.Points;
                    entry.FinalReason = "Chấp nhận giải trình của đơn vị";
                }
            }
        }

        return entry;
    }

    /// <summary>A stable number from a unit code (string.GetHashCode changes per process).</summary>
    internal static int Stable(string code) => code.Aggregate(17, (h, c) => unchecked(h * 31 + c)) & 0x7fffffff;
}
