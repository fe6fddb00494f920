using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParIndex.Documents.Layout;

namespace ParIndex.Documents.OfficialTables;

/// <summary>
/// Writes an official table as a .docx document: landscape A4 with the Decree 30 margins and the
/// page number in the header from page 2 (<see cref="DocxPageSetup"/>), the title block, a table whose
/// header row repeats on every page, explanations as paragraphs that wrap and flow onto the next
/// page (rows may split, so nothing is cut), field rows and subtotals in bold, Vietnamese numbers.
/// Times New Roman, the font of Vietnamese administrative documents.
/// </summary>
public static class DocxTableWriter
{
    private const string BodySize = "22"; // half-points: 11 pt, the annex size of ADR 0120
    private const string TitleSize = "28"; // 14 pt, the body size
    private static readonly int ContentWidth = DocxPageSetup.ContentWidth(landscape: true);

    public static void Write(AssessmentTableDocument document, Stream output)
    {
        ArgumentNullException.ThrowIfNull(document);
        ArgumentNullException.ThrowIfNull(output);
        var columns = TableLayouts.For(document.Layout);

        using var word = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        var styles = main.AddNewPart<StyleDefinitionsPart>();
        styles.Styles = DocxPageSetup.DefaultStyles(BodySize);
        var headers = DocxPageSetup.AddHeaders(main);

        var body = new Body();
        foreach (var line in document.TitleLines)
        {
            body.Append(Paragraph(line, JustificationValues.Center, bold: true, italic: false, size: TitleSize));
        }

        foreach (var line in document.ReportLines)
        {
            body.Append(Paragraph(line, JustificationValues.Center, bold: false, italic: true, size: BodySize));
        }

        body.Append(Paragraph("", JustificationValues.Center, bold: false, italic: false, size: BodySize));
        body.Append(Table(document, columns, ContentWidth));
        body.Append(DocxPageSetup.Section(headers, landscape: true, titlePage: true));
        main.Document = new Document(body);
        main.Document.Save();
    }

    /// <summary>The official table as a Word table <paramref name="contentWidth"/> twips wide (also the report's annex).</summary>
    internal static Table Table(AssessmentTableDocument document, IReadOnlyList<TableColumn> columns, int contentWidth)
    {
        var totalWeight = columns.Sum(c => c.Weight);
        var widths = columns.Select(c => (int)Math.Floor(c.Weight / totalWeight * contentWidth)).ToArray();

        var table = new Table(
            new TableProperties(
                new TableWidth { Width = widths.Sum().ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                new TableBorders(
                    new TopBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new LeftBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new BottomBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new RightBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" },
                    new InsideVerticalBorder { Val = BorderValues.Single, Size = 4, Color = "000000" }),
                new TableLayout { Type = TableLayoutValues.Fixed },
                new TableCellMarginDefault(
                    new TopMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellLeftMargin { Width = 80, Type = TableWidthValues.Dxa },
                    new BottomMargin { Width = "40", Type = TableWidthUnitValues.Dxa },
                    new TableCellRightMargin { Width = 80, Type = TableWidthValues.Dxa })),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));

        // The header row repeats at the top of every page and is never split.
        var header = new TableRow(new TableRowProperties(new CantSplit(), new TableHeader()));
        for (var c = 0; c < columns.Count; c++)
        {
            header.Append(Cell(widths[c], columns[c].Header, JustificationValues.Center, bold: true, shaded: true));
        }

        table.Append(header);

        foreach (var row in document.Rows)
        {
            var tr = new TableRow();
            for (var c = 0; c < columns.Count; c++)
            {
                var column = columns[c];
                var bold = column.Kind == ColumnKind.Number ? row.IsBold : row.Level == 1;
                tr.Append(Cell(widths[c], column.TextOf(row), Justification(column), bold, shaded: false));
            }

            table.Append(tr);
        }

        var total = new TableRow(new TableRowProperties(new CantSplit()));
        for (var c = 0; c < columns.Count; c++)
        {
            total.Append(Cell(widths[c], columns[c].TextOfTotal(document.Total), Justification(columns[c]), bold: true, shaded: false));
        }

        table.Append(total);
        return table;
    }

    private static JustificationValues Justification(TableColumn column) => column.Kind switch
    {
        ColumnKind.Code or ColumnKind.Number => JustificationValues.Center,
        ColumnKind.Explanation => JustificationValues.Both,
        _ => JustificationValues.Left,
    };

    private static TableCell Cell(int width, string text, JustificationValues justification, bool bold, bool shaded)
    {
        var properties = new TableCellProperties(new TableCellWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa });
        if (shaded)
        {
            properties.Append(new Shading { Val = ShadingPatternValues.Clear, Color = "auto", Fill = "E7E6E6" });
            properties.Append(new TableCellVerticalAlignment { Val = TableVerticalAlignmentValues.Center });
        }

        var cell = new TableCell(properties);
        // A cell holds at least one paragraph; each line of the text is a paragraph of its own.
        foreach (var paragraph in text.Split('\n'))
        {
            cell.Append(Paragraph(paragraph, justification, bold, italic: false, size: BodySize));
        }

        return cell;
    }

    internal static Paragraph Paragraph(string text, JustificationValues justification, bool bold, bool italic, string size)
    {
        var runProperties = new RunProperties();
        if (bold)
        {
            runProperties.Append(new Bold(), new BoldComplexScript());
        }

        if (italic)
        {
            runProperties.Append(new Italic(), new ItalicComplexScript());
        }

        runProperties.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        var paragraph = new Paragraph(new ParagraphProperties(
            new SpacingBetweenLines { Before = "0", After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto },
            new Justification { Val = justification }));
        if (text.Length > 0)
        {
            paragraph.Append(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        }

        return paragraph;
    }
}
