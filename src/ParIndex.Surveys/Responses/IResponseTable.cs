namespace ParIndex.Surveys.Responses;

/// <summary>
/// A response file read row by row: the header, then data rows whose cells are text. CSV and
/// XLSX both sit behind this so the validation and import logic exists once.
/// </summary>
public interface IResponseTable : IDisposable
{
    /// <summary>The header cells (row 1), trimmed.</summary>
    IReadOnlyList<string> Header { get; }

    /// <summary>1-based row number of the current row as a spreadsheet shows it (the header is row 1).</summary>
    int RowNumber { get; }

    /// <summary>Cells in the current row.</summary>
    int CellCount { get; }

    /// <summary>The text of a cell of the current row; empty beyond <see cref="CellCount"/>.</summary>
    ReadOnlySpan<char> Cell(int index);

    /// <summary>Moves to the next data row; false at the end.</summary>
    bool ReadRow();
}
