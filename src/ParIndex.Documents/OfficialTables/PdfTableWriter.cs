using ParIndex.Documents.Layout;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ParIndex.Documents.OfficialTables;

/// <summary>
/// Writes an official table (self-assessment or appraisal layout) as PDF: landscape A4 with the
/// Decree 30 margins (the wide table is an annex), title block, header row on every page, wrapped
/// text, Liberation Serif embedded, page numbers at the top from page 2.
/// </summary>
public static class PdfTableWriter
{
    public static void Write(AssessmentTableDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        using var pdf = new PdfDocument();
        pdf.Info.Title = string.Join(" ", document.TitleLines);
        pdf.Info.Creator = "ParIndex";
        Paint(document, pdf);
        pdf.Save(output, closeStream: false);
    }

    /// <summary>
    /// Adds the table's pages to <paramref name="pdf"/> (after any already there, as the annex of a
    /// report) and numbers every page of it.
    /// </summary>
    internal static void Paint(AssessmentTableDocument document, PdfDocument pdf)
    {
        var columns = TableLayouts.For(document.Layout);
        var header = columns.Select(c => new PdfCell(c.Header, true, CellAlignment.Center)).ToList();
        var painter = new PdfTablePainter(pdf, columns.Select(c => c.Weight).ToList(), header);
        painter.DrawCentredLines(document.TitleLines, DecreePageSetup.BodyPoints, XFontStyleEx.Bold, 2);
        painter.DrawCentredLines(document.ReportLines, DecreePageSetup.PageNumberPoints, XFontStyleEx.Italic, 10);
        painter.DrawHeader();

        foreach (var row in document.Rows)
        {
            painter.DrawRow(columns.Select(c => CellOf(c, row)).ToList());
        }

        painter.DrawRow(columns.Select(c => new PdfCell(c.TextOfTotal(document.Total), true, AlignmentOf(c))).ToList());
        painter.Finish();
    }

    private static PdfCell CellOf(TableColumn column, AssessmentTableRow row)
    {
        var bold = column.Kind == ColumnKind.Number ? row.IsBold : row.Level == 1;
        return new PdfCell(column.TextOf(row), bold, AlignmentOf(column));
    }

    internal static CellAlignment AlignmentOf(TableColumn column) =>
        column.Kind is ColumnKind.Code or ColumnKind.Number ? CellAlignment.Center : CellAlignment.Left;
}
