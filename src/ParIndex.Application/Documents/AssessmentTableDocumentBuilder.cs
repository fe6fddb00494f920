using Microsoft.EntityFrameworkCore;
using ParIndex.Application.Accounts;
using ParIndex.Application.Assessments;
using ParIndex.Application.Problems;
using ParIndex.Application.Workflow;
using ParIndex.Core.OfficialTables;
using ParIndex.Core.Workflow;
using ParIndex.Data;
using ParIndex.Documents.Appraisal;
using ParIndex.Documents.OfficialTables;

namespace ParIndex.Application.Documents;

/// <summary>
/// Maps a stored assessment to the document model of the official table. The figures are the
/// ones the self-assessment page shows (<see cref="AssessmentService"/> computes them with the
/// scoring core), so a download never disagrees with the screen.
/// </summary>
public sealed class AssessmentTableDocumentBuilder(ParIndexDbContext db, AssessmentService assessments)
{
    /// <summary>
    /// The self-assessment table (BIỂU TỰ ĐÁNH GIÁ) of an assessment the user may read; 404 / 403
    /// as <see cref="AssessmentService.GetAsync"/> when not.
    /// </summary>
    public async Task<AssessmentTableDocument> SelfAssessmentAsync(int id, CurrentUser user, CancellationToken cancellationToken)
    {
        var (view, year) = await LoadAsync(id, user, r => r.SelfAssessmentTable, (SelfTableRefused, SelfTableRefusedEnglish), cancellationToken);
        return SelfAssessment(view, year);
    }

    /// <summary>
    /// The appraisal table (BIỂU TỔNG HỢP KẾT QUẢ THẨM ĐỊNH) of an assessment the user may read.
    /// <paramref name="appraisals"/> gives, by leaf code, the appraised score (self-assessed leaves)
    /// or the survey score (survey leaves); a leaf missing there keeps its self score.
    /// </summary>
    public async Task<AssessmentTableDocument> AppraisalAsync(int id, IReadOnlyDictionary<string, LeafAppraisal> appraisals, CurrentUser user, CancellationToken cancellationToken)
    {
        var (view, year) = await LoadAsync(id, user, r => r.AppraisalTable, (AppraisalTableRefused, AppraisalTableRefusedEnglish), cancellationToken);
        return Appraisal(view, year, appraisals);
    }

    /// <summary>
    /// The appraisal table with the scores stored on the leaf entries: the final score (after the
    /// response round) else the appraised score for self-assessed leaves, the survey score for
    /// survey leaves; a leaf not appraised yet keeps its self score.
    /// </summary>
    public async Task<AssessmentTableDocument> AppraisalFromEntriesAsync(int id, CurrentUser user, CancellationToken cancellationToken)
    {
        var (view, year) = await LoadAsync(id, user, r => r.AppraisalTable, (AppraisalTableRefused, AppraisalTableRefusedEnglish), cancellationToken);
        var leaves = view.Nodes.Where(n => n.IsLeaf).ToDictionary(n => n.Code, StringComparer.Ordinal);
        var entries = await db.LeafEntries.AsNoTracking().Where(e => e.AssessmentId == id).ToListAsync(cancellationToken);
        var appraisals = new Dictionary<string, LeafAppraisal>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            if (!leaves.TryGetValue(entry.LeafCode, out var leaf))
            {
                continue; // an entry of a leaf the framework no longer has
            }

            appraisals[entry.LeafCode] = leaf.IsSurvey
                ? new LeafAppraisal(SurveyScore: entry.SurveyScore)
                : new LeafAppraisal(AppraisedScore: entry.FinalScore ?? entry.AppraisedScore, Reason: entry.FinalReason ?? entry.AppraisalReason ?? "");
        }

        return Appraisal(view, year, appraisals);
    }

    /// <summary>The self-assessment layout of a loaded assessment.</summary>
    public static AssessmentTableDocument SelfAssessment(AssessmentView view, int year) =>
        AssessmentTableDocumentFactory.FromOfficialTable(ToOfficialTable(view, year, AssessmentTableDocumentFactory.SelfAssessmentHeading));

    /// <summary>The appraisal layout of a loaded assessment (subtotals, final score and index computed by <see cref="AppraisalTableFactory"/>).</summary>
    public static AssessmentTableDocument Appraisal(AssessmentView view, int year, IReadOnlyDictionary<string, LeafAppraisal> appraisals)
    {
        ArgumentNullException.ThrowIfNull(appraisals);
        return AppraisalTableFactory.Create(ToOfficialTable(view, year, AppraisalTableFactory.AppraisalHeading), appraisals);
    }

    /// <summary>
    /// The assessment as a table: framework order, stated maxima, the computed points as the
    /// stated scores (a leaf not scored yet, and a survey leaf, has an empty score cell).
    /// </summary>
    internal static OfficialTable ToOfficialTable(AssessmentView view, int year, string heading)
    {
        ArgumentNullException.ThrowIfNull(view);
        var children = view.Nodes.ToLookup(n => ParentCode(n.Code), StringComparer.Ordinal);

        OfficialTableRow ToRow(NodeView node) => new()
        {
            Code = node.Code,
            Title = node.Title,
            Max = node.Max,
            Score = node.IsLeaf ? (node.IsSurvey ? null : node.Leaf?.Points) : node.Points,
            Explanation = node.Leaf?.Explanation ?? "",
            IsSurvey = node.IsSurvey,
            Children = children[node.Code].Select(ToRow).ToList(),
        };

        return new OfficialTable
        {
            TitleLines = AssessmentTableDocumentFactory.StandardTitleLines(heading, view.UnitName, year),
            Rows = children[""].Select(ToRow).ToList(),
            StatedTotalMax = view.Totals.Max,
            StatedTotalScore = view.Totals.Points,
        };
    }

    private static string ParentCode(string code)
    {
        var dot = code.LastIndexOf('.');
        return dot < 0 ? "" : code[..dot];
    }

    private const string SelfTableRefused =
        "Chỉ đơn vị được đánh giá, cơ quan thường trực và Hội đồng thẩm định được tải toàn bộ biểu tự đánh giá; cơ quan phối hợp xem các tiêu chí được giao trên trang tự đánh giá.";

    private const string SelfTableRefusedEnglish =
        "Only the assessed unit, the PAR standing agency and the appraisal council may download the whole self-assessment table; a cooperating agency sees its assigned criteria on the self-assessment page.";

    private const string AppraisalTableRefused =
        "Biểu thẩm định chưa được gửi cho đơn vị: đơn vị xem được sau khi cơ quan thường trực gửi kết quả sơ bộ.";

    private const string AppraisalTableRefusedEnglish =
        "The appraisal table has not been sent to the unit yet: the unit can see it once the PAR standing agency sends the preliminary result.";

    private async Task<(AssessmentView View, int Year)> LoadAsync(int id, CurrentUser user, Func<ReadRights, bool> allowed, (string Vietnamese, string English) refusal, CancellationToken cancellationToken)
    {
        // LoadReadableAsync applies the read permission (another unit gets 403, an unknown id 404);
        // the read rule then decides on this document in this state (ADR 0107).
        var assessment = await assessments.LoadReadableAsync(id, user, cancellationToken);
        if (!allowed(AssessmentAccess.Rights(user, assessment)))
        {
            throw DomainException.Forbidden(refusal.Vietnamese, refusal.English);
        }

        var view = await assessments.GetAsync(id, user, cancellationToken);
        var year = await db.Campaigns.AsNoTracking().Where(c => c.Id == view.CampaignId).Select(c => c.Year).SingleAsync(cancellationToken);
        return (view, year);
    }
}
