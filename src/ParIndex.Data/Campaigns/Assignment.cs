using ParIndex.Data.Assessments;
using ParIndex.Data.Units;

namespace ParIndex.Data.Campaigns;

/// <summary>
/// Criteria of one assessment given to a contributing unit: every leaf whose code is
/// <see cref="CodePrefix"/> or starts with it followed by a dot (e.g. <c>2</c> → field 2).
/// </summary>
public sealed class Assignment
{
    public int Id { get; set; }

    public int AssessmentId { get; set; }

    public Assessment? Assessment { get; set; }

    public required string CodePrefix { get; set; }

    public int ContributingUnitId { get; set; }

    public Unit? ContributingUnit { get; set; }

    /// <summary>True when <paramref name="leafCode"/> falls under this assignment.</summary>
    public bool Covers(string leafCode) =>
        leafCode == CodePrefix || leafCode.StartsWith(CodePrefix + ".", StringComparison.Ordinal);
}
