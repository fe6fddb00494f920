using System.Text.RegularExpressions;

namespace ParIndex.Core.OfficialTables;

/// <summary>One row of a grid a front end found (a sheet row, a line of a PDF), cells as plain text by column.</summary>
/// <param name="Line">1-based row of the sheet, or line of the PDF counted over all pages.</param>
/// <param name="Cells">Plain text by 0-based column; empty strings for empty cells.</param>
public sealed record TableGridRow(int Line, IReadOnlyList<string> Cells)
{
    /// <summary>Columns whose cell held a real number (an xlsx numeric cell, written in invariant digits).</summary>
    public IReadOnlySet<int> NumericCells { get; init; } = new HashSet<int>();

    /// <summary>The page of a PDF line (1-based), or null.</summary>
    public int? Page { get; init; }

    /// <summary>True when the row starts after an empty row of the sheet (or a wide vertical gap in a PDF).</summary>
    public bool AfterGap { get; init; }
}

/// <summary>
/// Reads an official table from a grid of cells, whatever made the grid (an xlsx sheet, the words of
/// a PDF placed in columns), laid out as people really make them (ADR 0117):
/// <list type="bullet">
/// <item>rows above the header are the title block (issuing body, motto, title);</item>
/// <item>the header is the row with STT in its first filled cell and a column about points; the table
/// may start in any column; rows under it with an empty STT before the first criterion continue the
/// header (a header merged over two rows, or wrapped) and are joined to it column by column;</item>
/// <item>a row of column numbers <c>(1) (2) (3)</c> and a repeated header are skipped (page numbers are the front end's business: a lone number may be the end of a wrapped title);</item>
/// <item>a column whose header is empty (a spacer) is not read;</item>
/// <item>a row with a code starts a criterion, a row with an empty STT continues the one above;</item>
/// <item>the TỔNG ĐIỂM row closes the table; without it, a signature block (nơi nhận, người lập biểu,
/// chức danh, a date line) or text after an empty row ends it.</item>
/// </list>
/// Problems are collected, not thrown at the first one: a row that cannot be read is left out and the
/// rest is read, so the user sees every problem of the file at once.
/// </summary>
public sealed partial class OfficialTableGridReader
{
    private readonly List<string> titleLines = [];
    private readonly List<Draft> drafts = [];
    private readonly List<OfficialTableProblem> problems = [];
    private readonly HashSet<string> headerSignatures = new(StringComparer.Ordinal);
    private readonly bool spreadsheet;
    private readonly string explanationJoin;
    private List<string>? header;
    private OfficialTableColumns columns = OfficialTableColumns.Default;
    private RawTableTotal? total;
    private int headerLine;
    private bool ended;
    private (int Line, int Score, string Text) candidate = (0, -1, "");

    /// <param name="spreadsheet">True for a sheet: problems name the cell (<c>D12</c>), wrapped explanation rows are paragraphs.</param>
    private OfficialTableGridReader(bool spreadsheet)
    {
        this.spreadsheet = spreadsheet;
        // In a sheet a continuation row is a new paragraph; in a PDF it is the same paragraph wrapped.
        explanationJoin = spreadsheet ? "\n" : " ";
    }

    /// <summary>Reads the table from the grid's rows in document order.</summary>
    /// <param name="spreadsheet">True when the rows are sheet rows (cell names like <c>D12</c> in problems).</param>
    /// <param name="noTableHint">Where the reader looked, for the "no table" message (e.g. "trong trang tính đầu tiên").</param>
    /// <exception cref="OfficialTableFormatException">No header, or rows that cannot be read (all of them listed).</exception>
    public static OfficialTable Read(IEnumerable<TableGridRow> rows, bool spreadsheet, string noTableHint)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var reader = new OfficialTableGridReader(spreadsheet);
        var any = false;
        foreach (var row in rows)
        {
            any = true;
            reader.Add(row);
            if (reader.ended)
            {
                break;
            }
        }

        if (reader.header is null)
        {
            var (line, _, text) = reader.candidate;
            var near = !any || line == 0
                ? ""
                : $"; hàng giống hàng tiêu đề nhất là dòng {line} (\"{Shorten(text)}\")";
            throw new OfficialTableFormatException(Math.Max(1, line),
                $"không tìm thấy hàng tiêu đề của bảng (STT · Lĩnh vực/Tiêu chí/Tiêu chí thành phần · Điểm chuẩn · Điểm tự đánh giá · Giải trình) {noTableHint}{near} (no table header found).");
        }

        IReadOnlyList<RawTableRow> raws = reader.drafts.Select(d => d.ToRaw(reader.explanationJoin)).ToList();
        try
        {
            var table = OfficialTableBuilder.Build(reader.titleLines, raws, reader.total, reader.headerLine);
            if (reader.problems.Count > 0)
            {
                throw new OfficialTableFormatException(reader.problems);
            }

            return table;
        }
        catch (OfficialTableFormatException ex) when (reader.problems.Count > 0 || ex.Problems.Count > 0)
        {
            var all = reader.problems.Concat(ex.Problems).Distinct().OrderBy(p => p.Line).ToList();
            throw new OfficialTableFormatException(all);
        }
    }

    private void Add(TableGridRow row)
    {
        var cells = row.Cells.Select(c => c.Trim()).ToList();
        if (cells.All(c => c.Length == 0))
        {
            return;
        }

        if (header is null)
        {
            BeforeHeader(row, cells);
            return;
        }

        if (total is not null)
        {
            if (OfficialTableBuilder.NormalizeCode(Cell(cells, columns.Code)) is { } late && IsNumber(Cell(cells, columns.Max)))
            {
                Problem(row, columns.Code, OfficialTableBuilder.CodeColumn, $"hàng {late} nằm sau dòng TỔNG ĐIỂM (row {late} after the total row).");
            }

            return; // signatures and notes under the table
        }

        if (OfficialTableColumns.IsHeader(cells) || headerSignatures.Contains(Signature(cells)) || OfficialTableColumns.IsColumnNumberRow(cells))
        {
            return; // the header repeated on a new page, the column numbers
        }

        var code = Cell(cells, columns.Code);
        if (OfficialTableBuilder.NormalizeCode(code) is { } normalized)
        {
            var draft = new Draft(normalized, row.Line, CellName(row, columns.Code), CellName(row, columns.Max), CellName(row, columns.Score));
            Merge(draft, row, cells);
            drafts.Add(draft);
        }
        else if (IsTotal(cells))
        {
            total = new RawTableTotal(NullIfEmpty(NumberCell(row, cells, columns.Max)), NullIfEmpty(NumberCell(row, cells, columns.Score)), row.Line)
            {
                MaxCell = CellName(row, columns.Max),
                ScoreCell = CellName(row, columns.Score),
            };
        }
        else if (drafts.Count > 0 && IsEndOfTable(row, cells))
        {
            ended = true;
        }
        else if (code.Length > 0)
        {
            Problem(row, columns.Code, OfficialTableBuilder.CodeColumn, $"'{Shorten(code)}' không phải mã tiêu chí dạng 1, 1.2, 1.2.3 (not a criterion code).");
        }
        else if (drafts.Count > 0)
        {
            Merge(drafts[^1], row, cells);
        }
        else
        {
            // Before the first criterion: the header merged over two rows, or wrapped onto more lines.
            headerSignatures.Add(Signature(cells));
            for (var c = 0; c < cells.Count; c++)
            {
                if (c < header.Count)
                {
                    header[c] = (header[c] + " " + cells[c]).Trim();
                }
                else
                {
                    header.Add(cells[c]);
                }
            }

            columns = OfficialTableColumns.FromHeader(header);
        }
    }

    private void BeforeHeader(TableGridRow row, List<string> cells)
    {
        if (OfficialTableColumns.IsHeader(cells))
        {
            header = [.. cells];
            headerSignatures.Add(Signature(cells));
            columns = OfficialTableColumns.FromHeader(header);
            headerLine = row.Line;
            return;
        }

        var score = OfficialTableColumns.HeaderLikeness(cells);
        var text = string.Join(" ", cells.Where(c => c.Length > 0));
        if (score > candidate.Score)
        {
            candidate = (row.Line, score, text);
        }

        titleLines.Add(text);
    }

    /// <summary>
    /// Text under the last criterion that is no part of it: a signature block or note. It has no
    /// number, and either opens like one (nơi nhận, người lập biểu, a title such as GIÁM ĐỐC, a date
    /// line) or comes after an empty row of the sheet.
    /// </summary>
    private bool IsEndOfTable(TableGridRow row, List<string> cells)
    {
        if (IsNumber(Cell(cells, columns.Max)) || IsNumber(Cell(cells, columns.Score)))
        {
            return false;
        }

        var text = string.Join(" ", cells.Where(c => c.Length > 0));
        return (text.Length <= 80 && (SignatureLine().IsMatch(text) || SignatureTitle().IsMatch(text)))
            || (row.AfterGap && Cell(cells, columns.Code).Length == 0);
    }

    private void Merge(Draft draft, TableGridRow row, List<string> cells)
    {
        draft.AddTitle(Cell(cells, columns.Title));
        draft.Max = Fill(draft, draft.Max, NumberCell(row, cells, columns.Max), row, columns.Max, OfficialTableBuilder.MaxColumn);
        draft.Score = Fill(draft, draft.Score, NumberCell(row, cells, columns.Score), row, columns.Score, OfficialTableBuilder.ScoreColumn);
        if (columns.Explanation >= 0)
        {
            // Cells right of the explanation that have no header of their own belong to it (a wide cell split by the reader).
            var parts = new List<string> { Cell(cells, columns.Explanation) };
            for (var c = columns.Explanation + 1; c < cells.Count && (header is null || c >= header.Count || header[c].Length == 0); c++)
            {
                parts.Add(cells[c]);
            }

            draft.AddExplanation(string.Join(" ", parts.Where(p => p.Length > 0)));
        }
    }

    private string? Fill(Draft draft, string? current, string found, TableGridRow row, int column, string name)
    {
        if (found.Length == 0)
        {
            return current;
        }

        if (current is not null)
        {
            Problem(row, column, name, $"hàng {draft.Code} đã có {name.ToLowerInvariant()} '{current}', hàng này lại ghi '{Shorten(found)}' (a second value for row {draft.Code}).");
            return current;
        }

        return found;
    }

    /// <summary>A number cell's text; a real number of a sheet (invariant digits) is written with the decimal comma the builder reads.</summary>
    private static string NumberCell(TableGridRow row, List<string> cells, int column)
    {
        var text = Cell(cells, column);
        return row.NumericCells.Contains(column) ? text.Replace('.', ',') : text;
    }

    private bool IsTotal(List<string> cells)
    {
        var label = string.Join(" ", cells.Take(Math.Max(columns.Title, columns.Code) + 1).Where(c => c.Length > 0)).Trim().ToUpperInvariant();
        return label.StartsWith("TỔNG", StringComparison.Ordinal)
            && (Cell(cells, columns.Max).Length > 0 || Cell(cells, columns.Score).Length > 0);
    }

    private void Problem(TableGridRow row, int column, string name, string text) =>
        problems.Add(new OfficialTableProblem(row.Line, name, text, CellName(row, column)));

    private string? CellName(TableGridRow row, int column) =>
        spreadsheet ? ColumnLetters(column) + row.Line.ToString(System.Globalization.CultureInfo.InvariantCulture)
        : row.Page is { } page ? $"trang {page}" : null;

    /// <summary>A 0-based column index as spreadsheet letters (0 → A, 27 → AB).</summary>
    public static string ColumnLetters(int index)
    {
        var name = "";
        for (var n = index + 1; n > 0; n = (n - 1) / 26)
        {
            name = (char)('A' + ((n - 1) % 26)) + name;
        }

        return name;
    }

    private static bool IsNumber(string text) => OfficialTableBuilder.TryParseNumber(text, out _);

    private static string Signature(List<string> cells) => string.Join("\t", cells).TrimEnd('\t');

    private static string Cell(List<string> cells, int index) => index >= 0 && index < cells.Count ? cells[index] : "";

    private static string? NullIfEmpty(string text) => text.Length == 0 ? null : text;

    private static string Shorten(string text) => text.Length <= 60 ? text : text[..57] + "…";

    // How a signature block or the notes under an official table open: a phrase, or a title in
    // capitals (case-sensitive, so an explanation that starts "Chủ tịch UBND tỉnh đã…" is no signature).
    [GeneratedRegex(@"^(?:nơi nhận|người lập(?: biểu)?|người ký|ghi chú\s*:|\(ký|[^,]{1,40},\s*ngày\s*\S*\s*tháng\s*\S*\s*năm)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SignatureLine();

    [GeneratedRegex(@"^(?:TM\.|T/M|KT\.|Q\.|TL\.|THỦ TRƯỞNG|CHỦ TỊCH|PHÓ CHỦ TỊCH|GIÁM ĐỐC|PHÓ GIÁM ĐỐC|TRƯỞNG PHÒNG|BỘ TRƯỞNG)", RegexOptions.CultureInvariant)]
    private static partial Regex SignatureTitle();

    /// <summary>
    /// Joins the pieces of a wrapped cell with <paramref name="separator"/>; when it is a space, a
    /// piece that ends in a word and a hyphen (<c>999/QĐ-</c>) was broken at the hyphen and joins
    /// the next piece without one.
    /// </summary>
    private static string JoinWrapped(List<string> parts, string separator)
    {
        if (separator != " ")
        {
            return string.Join(separator, parts);
        }

        var text = new System.Text.StringBuilder();
        foreach (var part in parts)
        {
            var brokenAtHyphen = text.Length >= 2 && text[^1] == '-' && char.IsLetterOrDigit(text[^2]);
            if (text.Length > 0 && !brokenAtHyphen)
            {
                text.Append(' ');
            }

            text.Append(part);
        }

        return text.ToString();
    }

    /// <summary>A criterion being read: its first row and any continuation rows below it.</summary>
    private sealed class Draft(string code, int line, string? cell, string? maxCell, string? scoreCell)
    {
        private readonly List<string> title = [];
        private readonly List<string> explanation = [];

        public string Code { get; } = code;

        public string? Max { get; set; }

        public string? Score { get; set; }

        public void AddTitle(string part)
        {
            if (part.Length > 0)
            {
                title.Add(part);
            }
        }

        public void AddExplanation(string part)
        {
            if (part.Length > 0)
            {
                explanation.Add(part.Replace("\r\n", "\n", StringComparison.Ordinal));
            }
        }

        public RawTableRow ToRaw(string explanationJoin) =>
            new(Code, JoinWrapped(title, " "), Max, Score, JoinWrapped(explanation, explanationJoin), line)
            {
                Cell = cell,
                MaxCell = maxCell,
                ScoreCell = scoreCell,
            };
    }
}
