using System.Globalization;
using MiniExcelLibs;
using ParIndex.Core.Files;

namespace ParIndex.Surveys.Responses;

/// <summary>
/// An XLSX response file, streamed with MiniExcel's <c>Query</c> (first sheet unless named).
/// MiniExcel types cells (numbers as <see cref="double"/>); they are turned back into the text a
/// person sees, so "4" stays the answer key "4" and a weight 1.5 stays 1.5. The workbook passes
/// <see cref="ZipInputGuard"/> first: a zip bomb is refused before MiniExcel inflates anything.
/// </summary>
public sealed class XlsxResponseTable : IResponseTable
{
    private readonly IEnumerator<IDictionary<string, object?>> rows;
    private readonly List<string> cells = [];
    private readonly List<string> columnKeys = [];

    public XlsxResponseTable(Stream stream, string? sheetName = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        try
        {
            ZipInputGuard.Check(stream, ZipInputLimits.SurveyResponses);
        }
        catch (ZipInputRefusedException ex)
        {
            throw new SurveyFileFormatException(0, ex.Message, ex);
        }
        catch (InvalidDataException ex)
        {
            throw new SurveyFileFormatException(0, $"Tệp Excel không đọc được: {ex.Message}", ex);
        }

        try
        {
            rows = MiniExcel.Query(stream, useHeaderRow: false, sheetName: sheetName, excelType: ExcelType.XLSX)
                .Cast<IDictionary<string, object?>>()
                .GetEnumerator();
            var header = new List<string>();
            if (rows.MoveNext())
            {
                RowNumber = 1;
                foreach (var (key, value) in rows.Current)
                {
                    columnKeys.Add(key);
                    header.Add(Text(value).Trim());
                }

                // Trailing empty header cells are formatting, not columns.
                while (header.Count > 0 && header[^1].Length == 0)
                {
                    header.RemoveAt(header.Count - 1);
                    columnKeys.RemoveAt(columnKeys.Count - 1);
                }
            }

            Header = header;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException)
        {
            throw new SurveyFileFormatException(0, $"Tệp Excel không đọc được: {ex.Message}", ex);
        }
    }

    public IReadOnlyList<string> Header { get; }

    public int RowNumber { get; private set; }

    public int CellCount => cells.Count;

    public ReadOnlySpan<char> Cell(int index) => index < cells.Count ? cells[index] : [];

    public bool ReadRow()
    {
        cells.Clear();
        bool more;
        try
        {
            more = rows.MoveNext();
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or System.Xml.XmlException or InvalidOperationException)
        {
            throw new SurveyFileFormatException(RowNumber + 1, $"Dòng {RowNumber + 1}: tệp Excel không đọc được ({ex.Message}).", ex);
        }

        if (!more)
        {
            return false;
        }

        RowNumber++;
        var row = rows.Current;
        foreach (var key in columnKeys)
        {
            cells.Add(row.TryGetValue(key, out var value) ? Text(value) : "");
        }

        // A cell right of the header that holds something is reported like a CSV row's extra cell.
        if (row.Count > columnKeys.Count)
        {
            foreach (var (key, value) in row)
            {
                if (!columnKeys.Contains(key) && Text(value).Length > 0)
                {
                    while (cells.Count < ColumnIndex(key))
                    {
                        cells.Add("");
                    }

                    cells[ColumnIndex(key) - 1] = Text(value);
                }
            }
        }

        return true;
    }

    /// <summary>A cell as its visible text: numbers without exponent or trailing zeros, dates in ISO form.</summary>
    internal static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        double d when Math.Abs(d) < 1e15 && d == Math.Floor(d) => d.ToString("0", CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTime t => t.TimeOfDay == TimeSpan.Zero ? t.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) : t.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture),
        bool b => b ? "TRUE" : "FALSE",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Column letters to a 1-based index: A → 1, Z → 26, AA → 27.</summary>
    internal static int ColumnIndex(string letters)
    {
        var index = 0;
        foreach (var c in letters)
        {
            index = (index * 26) + (char.ToUpperInvariant(c) - 'A' + 1);
        }

        return index;
    }

    public void Dispose() => rows.Dispose();
}
