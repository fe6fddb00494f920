using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;
using ParIndex.Data.Assessments;

namespace ParIndex.Application.Appraisal;

/// <summary>
/// The points that count in the results (SPEC 2.4): for self-assessed leaves the final score
/// (else the appraised score, else the self score), for survey leaves the survey score.
/// </summary>
public static class ResultScores
{
    public static AssessmentResult Calculate(Framework framework, IEnumerable<LeafEntry> entries) =>
        Calculate(framework, entries, IndexBase.FullMaximum);

    /// <param name="indexBase">The self-assessed maximum when the campaign does not run the survey (ADR 0127).</param>
    public static AssessmentResult Calculate(Framework framework, IEnumerable<LeafEntry> entries, IndexBase indexBase)
    {
        ArgumentNullException.ThrowIfNull(framework);
        ArgumentNullException.ThrowIfNull(entries);
        var byCode = entries.ToDictionary(e => e.LeafCode, StringComparer.Ordinal);
        var scores = new Dictionary<string, LeafScore>(StringComparer.Ordinal);
        foreach (var leaf in framework.Leaves())
        {
            if (!byCode.TryGetValue(leaf.Code, out var entry))
            {
                continue;
            }

            scores[leaf.Code] = ScorePrecedence.ResultOf(leaf.IsSurvey, entry.NotApplicable, entry.SurveyScore, entry.FinalScore, entry.AppraisedScore, entry.Points);
        }

        return AssessmentCalculator.Calculate(framework, scores, indexBase);
    }
}
