using ParIndex.Core.Numbers;

namespace ParIndex.Documents.OfficialTables;

/// <summary>How a column's cells are aligned and typed.</summary>
public enum ColumnKind
{
    Code,
    Title,
    Number,
    Explanation,
}

/// <summary>
/// One column of an official table: its header, its share of the page width and how a row or the
/// total fills it. Every writer (xlsx, docx, pdf) draws the same columns, so the layouts live in
/// one place (<see cref="TableLayouts"/>).
/// </summary>
public sealed class TableColumn
{
    public required string Header { get; init; }

    /// <summary>Relative width; a writer scales the weights to its page.</summary>
    public required double Weight { get; init; }

    public required ColumnKind Kind { get; init; }

    /// <summary>The figure of a number column (null: empty cell); null for text columns.</summary>
    public Func<AssessmentTableRow, decimal?>? RowNumber { get; init; }

    public Func<AssessmentTableTotal, decimal?>? TotalNumber { get; init; }

    /// <summary>The text of a text column.</summary>
    public Func<AssessmentTableRow, string>? RowText { get; init; }

    /// <summary>True for Chỉ số (%): shown with 2 decimals, the header carries the unit.</summary>
    public bool IsPercent { get; init; }

    public string FormatNumber(decimal? value) =>
        value is not { } v ? ""
        : IsPercent ? VietnameseNumbers.FormatPercent(v).TrimEnd('%')
        : VietnameseNumbers.FormatPoints(v);

    /// <summary>The cell as text, numbers in Vietnamese format.</summary>
    public string TextOf(AssessmentTableRow row) =>
        RowNumber is not null ? FormatNumber(RowNumber(row)) : RowText?.Invoke(row) ?? "";

    /// <summary>The TỔNG ĐIỂM row's cell: the label sits in the title column.</summary>
    public string TextOfTotal(AssessmentTableTotal total) => Kind switch
    {
        ColumnKind.Title => TableLayouts.TotalLabel,
        ColumnKind.Number when TotalNumber is not null => FormatNumber(TotalNumber(total)),
        _ => "",
    };
}
