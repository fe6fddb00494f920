using ParIndex.Application.Problems;
using ParIndex.Core.Frameworks;
using ParIndex.Core.Scoring;

namespace ParIndex.Application.Frameworks;

/// <summary>The editor's live check: a leaf's rule scored on sample inputs, with the memo a unit would see.</summary>
public sealed record LeafCheckRequest(string Json, string Code, decimal? Score = null, string? Level = null, IReadOnlyDictionary<string, decimal>? Figures = null);

public sealed record LeafCheckResult(decimal? Points, string? Memo, string? Error);

public static class FrameworkLeafCheck
{
    /// <summary>
    /// Scores one leaf of a framework file (usually the editor's unsaved draft) through the same
    /// scorer as a self-assessment. Nothing is stored. A leaf whose rule has validation problems
    /// is not evaluated: the problems are the answer (a formula is only run once it passed the
    /// validator's size and name checks).
    /// </summary>
    public static LeafCheckResult Check(LeafCheckRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        Framework framework;
        try
        {
            framework = FrameworkFile.Read(request.Json ?? "");
        }
        catch (FrameworkFormatException ex)
        {
            throw new FieldValidationException("json", "Tệp bộ tiêu chí không đọc được. " + ex.Message, "The framework file cannot be read. " + ex.Message);
        }

        var leaf = framework.Find(request.Code ?? "");
        if (leaf is null || !leaf.IsLeaf)
        {
            throw new FieldValidationException("code", $"Bộ tiêu chí không có tiêu chí lá \"{request.Code}\".", $"The framework has no leaf \"{request.Code}\".");
        }

        var problems = FrameworkValidator.Validate(framework).Where(p => p.Code == leaf.Code).Select(p => p.Message).ToList();
        if (problems.Count > 0)
        {
            return new LeafCheckResult(null, null, string.Join(" ", problems));
        }

        var outcome = LeafScorer.Score(leaf, new LeafEntryInput(request.Score, request.Level, request.Figures));
        return new LeafCheckResult(outcome.Points, outcome.Memo?.Text, outcome.Error);
    }
}
