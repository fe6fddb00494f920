using ParIndex.Documents.Appraisal;
using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Tests.Support;

namespace ParIndex.Documents.Tests.Appraisal;

internal static class AppraisalSamples
{
    /// <summary>
    /// The seed appraised: 1.5 lowered to 1,5 with a reason, 3.4.3 lowered to 0,9, and every survey
    /// leaf given 80% of its maximum by the survey.
    /// </summary>
    public static Dictionary<string, LeafAppraisal> SeedAppraisals()
    {
        var appraisals = new Dictionary<string, LeafAppraisal>(StringComparer.Ordinal)
        {
            ["1.5"] = new(1.5m, Reason: "Sáng kiến 7 và 8 chưa có tài liệu kiểm chứng."),
            ["3.4.3"] = new(0.9m),
        };
        foreach (var leaf in Seed.Table().AllRows().Where(r => r.IsLeaf && r.IsSurvey))
        {
            appraisals[leaf.Code] = new LeafAppraisal(SurveyScore: leaf.Max * 0.8m);
        }

        return appraisals;
    }

    public static AssessmentTableDocument SeedAppraisal() => AppraisalTableFactory.Create(Seed.Table(), SeedAppraisals());
}
