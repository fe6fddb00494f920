using System.Globalization;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using ParIndex.Documents.Layout;
using ParIndex.Documents.OfficialTables;

namespace ParIndex.Documents.Reports;

/// <summary>
/// Writes the self-assessment report as .docx: a portrait section with the Decree 30 layout
/// (header and signature blocks as borderless two-column tables, as the Decree's model lays them
/// out), then the official table in a landscape section (the annex). Times New Roman 14 pt;
/// the page number is a PAGE field in the header from page 2.
/// </summary>
public static class SelfAssessmentReportDocxWriter
{
    private const string Body = "28";  // half-points: 14 pt
    private const string Small = "26"; // 13 pt
    private const int FirstLineIndent = 720; // 1,27 cm

    public static void Write(SelfAssessmentReportDocument report, Stream output)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(output);
        using var word = WordprocessingDocument.Create(output, WordprocessingDocumentType.Document);
        var main = word.AddMainDocumentPart();
        main.AddNewPart<StyleDefinitionsPart>().Styles = DocxPageSetup.DefaultStyles(Body);
        var headers = DocxPageSetup.AddHeaders(main);
        var portraitWidth = DocxPageSetup.ContentWidth(landscape: false);

        var body = new Body();
        body.Append(TwoColumns(portraitWidth, 0.4, Heading(report), Motto(report)));
        body.Append(Text("", JustificationValues.Center, Body));
        foreach (var line in report.TitleLines)
        {
            body.Append(Text(line, JustificationValues.Center, Body, bold: true));
        }

        body.Append(Text("————", JustificationValues.Center, Small));
        foreach (var section in SelfAssessmentReportContent.Sections(report))
        {
            body.Append(Text(section.Heading, JustificationValues.Both, Body, bold: true, indent: true));
            foreach (var paragraph in section.Paragraphs)
            {
                body.Append(Text(paragraph, JustificationValues.Both, Body, indent: true));
            }
        }

        body.Append(Text("", JustificationValues.Left, Body));
        body.Append(TwoColumns(portraitWidth, 0.5, Recipients(report), Signer(report)));

        // The report's section ends here (portrait, no number on its first page); the annex follows.
        body.Append(new Paragraph(new ParagraphProperties(DocxPageSetup.Section(headers, landscape: false, titlePage: true))));

        var annex = SelfAssessmentReportContent.Annex(report);
        foreach (var line in annex.TitleLines)
        {
            body.Append(Text(line, JustificationValues.Center, Body, bold: true));
        }

        foreach (var line in annex.ReportLines)
        {
            body.Append(Text(line, JustificationValues.Center, Small, italic: true));
        }

        body.Append(Text("", JustificationValues.Center, Small));
        body.Append(DocxTableWriter.Table(annex, TableLayouts.For(annex.Layout), DocxPageSetup.ContentWidth(landscape: true)));
        body.Append(DocxPageSetup.Section(headers, landscape: true, titlePage: false, nextPage: true));
        main.Document = new Document(body);
        main.Document.Save();
    }

    private static List<Paragraph> Heading(SelfAssessmentReportDocument report)
    {
        var paragraphs = new List<Paragraph>();
        if (report.SuperiorBody.Length > 0)
        {
            paragraphs.Add(Text(report.SuperiorBody.ToUpperInvariant(), JustificationValues.Center, Small));
        }

        paragraphs.Add(Text(report.UnitName.ToUpperInvariant(), JustificationValues.Center, Small, bold: true));
        paragraphs.Add(Text("————", JustificationValues.Center, Small));
        paragraphs.Add(Text(report.NumberLine, JustificationValues.Center, Small));
        return paragraphs;
    }

    private static List<Paragraph> Motto(SelfAssessmentReportDocument report) =>
    [
        Text(SelfAssessmentReportContent.Nation, JustificationValues.Center, "24", bold: true),
        Text(SelfAssessmentReportContent.Motto, JustificationValues.Center, Small, bold: true, underline: true),
        Text("", JustificationValues.Center, Small),
        Text(report.PlaceAndDate, JustificationValues.Center, Body, italic: true),
    ];

    private static List<Paragraph> Recipients(SelfAssessmentReportDocument report)
    {
        var paragraphs = new List<Paragraph> { Text("Nơi nhận:", JustificationValues.Left, "24", bold: true, italic: true) };
        paragraphs.AddRange(report.RecipientLines.Select(r => Text(r, JustificationValues.Left, "22")));
        return paragraphs;
    }

    private static List<Paragraph> Signer(SelfAssessmentReportDocument report)
    {
        var lines = SelfAssessmentReportContent.SignerLines(report);
        var paragraphs = lines.Take(lines.Count - 1).Select(l => Text(l, JustificationValues.Center, Body, bold: true)).ToList();
        // Room for the signature and the seal.
        paragraphs.AddRange(Enumerable.Range(0, 4).Select(_ => Text("", JustificationValues.Center, Body)));
        paragraphs.Add(Text(lines[^1], JustificationValues.Center, Body, bold: true));
        return paragraphs;
    }

    /// <summary>A borderless table of two cells, the left one <paramref name="leftShare"/> of the width.</summary>
    private static Table TwoColumns(int width, double leftShare, IEnumerable<Paragraph> left, IEnumerable<Paragraph> right)
    {
        var leftWidth = (int)(width * leftShare);
        int[] widths = [leftWidth, width - leftWidth];
        var none = new TableBorders(
            new TopBorder { Val = BorderValues.Nil }, new LeftBorder { Val = BorderValues.Nil },
            new BottomBorder { Val = BorderValues.Nil }, new RightBorder { Val = BorderValues.Nil },
            new InsideHorizontalBorder { Val = BorderValues.Nil }, new InsideVerticalBorder { Val = BorderValues.Nil });
        var table = new Table(
            new TableProperties(
                new TableWidth { Width = width.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa },
                none,
                new TableLayout { Type = TableLayoutValues.Fixed }),
            new TableGrid(widths.Select(w => new GridColumn { Width = w.ToString(CultureInfo.InvariantCulture) })));
        var row = new TableRow(new TableRowProperties(new CantSplit()));
        foreach (var (cellWidth, paragraphs) in new[] { (widths[0], left), (widths[1], right) })
        {
            var cell = new TableCell(new TableCellProperties(new TableCellWidth { Width = cellWidth.ToString(CultureInfo.InvariantCulture), Type = TableWidthUnitValues.Dxa }));
            cell.Append(paragraphs);
            row.Append(cell);
        }

        table.Append(row);
        return table;
    }

    private static Paragraph Text(string text, JustificationValues justification, string size, bool bold = false, bool italic = false, bool underline = false, bool indent = false)
    {
        var properties = new ParagraphProperties(
            new SpacingBetweenLines { Before = "0", After = indent ? "120" : "0", Line = "240", LineRule = LineSpacingRuleValues.Auto });
        if (indent)
        {
            properties.Append(new Indentation { FirstLine = FirstLineIndent.ToString(CultureInfo.InvariantCulture) });
        }

        properties.Append(new Justification { Val = justification });
        var paragraph = new Paragraph(properties);
        if (text.Length == 0)
        {
            return paragraph;
        }

        var run = new RunProperties();
        if (bold)
        {
            run.Append(new Bold(), new BoldComplexScript());
        }

        if (italic)
        {
            run.Append(new Italic(), new ItalicComplexScript());
        }

        run.Append(new FontSize { Val = size }, new FontSizeComplexScript { Val = size });
        if (underline)
        {
            run.Append(new Underline { Val = UnderlineValues.Single });
        }
        paragraph.Append(new Run(run, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }
}
