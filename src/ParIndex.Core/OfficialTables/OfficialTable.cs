namespace ParIndex.Core.OfficialTables;

/// <summary>
/// An official self-assessment table as read from a document (text from PDF, or xlsx): the
/// title block, the rows in document order, the stated total, and the problems found when
/// checking the document's own arithmetic.
/// </summary>
public sealed class OfficialTable
{
    /// <summary>Title lines of the document, cleaned of markup, e.g. <c>BIỂU TỰ ĐÁNH GIÁ</c>.</summary>
    public required IReadOnlyList<string> TitleLines { get; init; }

    /// <summary>The title as one line (title lines joined with a space).</summary>
    public string Title => string.Join(" ", TitleLines);

    /// <summary>The top-level rows (fields) with their children, in document order.</summary>
    public required IReadOnlyList<OfficialTableRow> Rows { get; init; }

    /// <summary>The stated maximum of the TỔNG ĐIỂM row, or null when the document has none.</summary>
    public decimal? StatedTotalMax { get; init; }

    /// <summary>The stated points of the TỔNG ĐIỂM row, or null when the document has none.</summary>
    public decimal? StatedTotalScore { get; init; }

    /// <summary>The 1-based line (or sheet row) of the TỔNG ĐIỂM row, or null when the document has none.</summary>
    public int? TotalSourceLine { get; init; }

    /// <summary>Every row, depth first in document order.</summary>
    public IEnumerable<OfficialTableRow> AllRows() => Rows.SelectMany(r => r.SelfAndDescendants());

    public decimal ComputedTotalMax => Rows.Sum(r => r.ComputedMax);

    public decimal ComputedTotalScore => Rows.Sum(r => r.ComputedScore);
}

/// <summary>One row of an official table: a field, criterion or sub-criterion.</summary>
public sealed class OfficialTableRow
{
    public required string Code { get; init; }

    public required string Title { get; init; }

    /// <summary>Stated maximum (điểm chuẩn).</summary>
    public required decimal Max { get; init; }

    /// <summary>Stated score (điểm tự đánh giá), or null when the cell is empty.</summary>
    public decimal? Score { get; init; }

    /// <summary>The explanation (giải trình), markup removed, paragraphs separated by newlines.</summary>
    public string Explanation { get; init; } = "";

    /// <summary>True when the row is scored by the sociological survey ("Đánh giá qua điều tra xã hội học").</summary>
    public bool IsSurvey { get; init; }

    /// <summary>The 1-based line of the source (or row of the sheet) where the row starts.</summary>
    public int SourceLine { get; init; }

    public IReadOnlyList<OfficialTableRow> Children { get; init; } = [];

    public bool IsLeaf => Children.Count == 0;

    public int Level => Code.Count(c => c == '.') + 1;

    /// <summary>For an inner row the sum of its children's maxima; for a leaf its stated maximum.</summary>
    public decimal ComputedMax => IsLeaf ? Max : Children.Sum(c => c.ComputedMax);

    /// <summary>For an inner row the sum of its children's scores; for a leaf its stated score (0 when empty).</summary>
    public decimal ComputedScore => IsLeaf ? Score ?? 0m : Children.Sum(c => c.ComputedScore);

    public IEnumerable<OfficialTableRow> SelfAndDescendants()
    {
        yield return this;
        foreach (var child in Children)
        {
            foreach (var row in child.SelfAndDescendants())
            {
                yield return row;
            }
        }
    }
}

/// <summary>
/// A stated figure that is wrong: it does not match what its children add up to (<c>max</c>,
/// <c>score</c>), or a score is above the row's maximum (<c>above-max</c>: Computed is the
/// maximum) or below zero (<c>negative</c>: Computed is 0).
/// </summary>
/// <param name="Code">The row's code, or <c>TỔNG ĐIỂM</c> for the total.</param>
/// <param name="What"><c>max</c> (điểm chuẩn), <c>score</c> (điểm tự đánh giá), <c>above-max</c> or <c>negative</c>.</param>
/// <param name="Line">The 1-based line (or sheet row) of the row, when known.</param>
public sealed record TableMismatch(string Code, string What, decimal Stated, decimal Computed, int? Line = null)
{
    // Line says where the figure was read, not what is wrong: the same table read from text, xlsx or
    // PDF has the same mismatches on different lines, so equality leaves it out.
    public bool Equals(TableMismatch? other) =>
        other is not null && Code == other.Code && What == other.What && Stated == other.Stated && Computed == other.Computed;

    public override int GetHashCode() => HashCode.Combine(Code, What, Stated, Computed);
}
