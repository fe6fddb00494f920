using ParIndex.Core.Numbers;
using ParIndex.Documents.Layout;
using ParIndex.Documents.OfficialTables;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ParIndex.Documents.Results;

/// <summary>
/// A results table (the ranking, the campaign overview) as PDF with the Decree 30 page setup
/// (ADR 0120, 0129): landscape A4 as an annex-like wide table, title and notes above, the header on
/// every page, Liberation Serif embedded, page numbers at the top from page 2. Only the columns with
/// a <see cref="ResultsColumn.PdfWeight"/> are printed. Numbers are right-aligned in Vietnamese
/// notation with the same number of decimals down a column (indices 2, points as many as the most
/// precise value needs, at most 4), so the figures line up.
/// </summary>
public static class ResultsPdfWriter
{
    public static void Write(ResultsTable table, Stream output)
    {
        ArgumentNullException.ThrowIfNull(table);
        ArgumentNullException.ThrowIfNull(output);
        var printed = table.Columns.Select((column, index) => (column, index)).Where(c => c.column.PdfWeight is > 0).ToList();
        if (printed.Count == 0)
        {
            throw new ArgumentException("The table has no column for the PDF.", nameof(table));
        }

        using var pdf = new PdfDocument();
        pdf.Info.Title = table.Title;
        pdf.Info.Creator = "ParIndex";
        var decimals = printed.Select(c => Decimals(table, c.column, c.index)).ToList();
        var header = printed.Select(c => new PdfCell(c.column.Header, true, CellAlignment.Center)).ToList();
        var painter = new PdfTablePainter(pdf, printed.Select(c => c.column.PdfWeight!.Value).ToList(), header, PageOrientation.Landscape);
        painter.DrawCentredLines([table.Title], DecreePageSetup.BodyPoints, XFontStyleEx.Bold, 2);
        painter.DrawCentredLines(table.Notes, DecreePageSetup.TablePoints, XFontStyleEx.Italic, 8);
        painter.DrawHeader();
        foreach (var row in table.Rows)
        {
            painter.DrawRow(printed.Select((c, i) => Cell(row[c.index], c.column, decimals[i])).ToList());
        }

        painter.Finish();
        pdf.Save(output, closeStream: false);
    }

    /// <summary>A value as printed: text as it is, numbers in Vietnamese notation with the column's decimals.</summary>
    internal static string Format(ResultsValue value, ResultsColumnKind kind, int decimals) => value.Number switch
    {
        null => value.Text ?? "",
        { } n when kind == ResultsColumnKind.WholeNumber => VietnameseNumbers.FormatPoints(n),
        { } n => ColumnDecimals.Format(n, decimals),
    };

    private static PdfCell Cell(ResultsValue value, ResultsColumn column, int decimals) =>
        new(Format(value, column.Kind, decimals), false, value.Number is null ? CellAlignment.Left : CellAlignment.Right);

    /// <summary>Indices 2 decimals; points as many as the most precise value of the column needs (≤ 4); whole numbers none.</summary>
    internal static int Decimals(ResultsTable table, ResultsColumn column, int index) => column.Kind switch
    {
        ResultsColumnKind.Index => 2,
        ResultsColumnKind.Points => ColumnDecimals.Of(table.Rows.Select(r => r[index].Number).OfType<decimal>()),
        _ => 0,
    };
}
