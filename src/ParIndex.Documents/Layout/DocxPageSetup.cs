using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace ParIndex.Documents.Layout;

/// <summary>
/// The Word side of <see cref="DecreePageSetup"/>: A4 sections with the Decree's margins, Times
/// New Roman (Liberation Serif substitutes where Word is absent), and the page number as a PAGE
/// field centred in the header from page 2 (a different, empty first-page header).
/// </summary>
internal static class DocxPageSetup
{
    public const string FontName = "Times New Roman";

    private static readonly int ShortSide = DecreePageSetup.Twips(DecreePageSetup.A4ShortMillimetres);
    private static readonly int LongSide = DecreePageSetup.Twips(DecreePageSetup.A4LongMillimetres);

    /// <summary>The usable width of a section in twips.</summary>
    public static int ContentWidth(bool landscape) =>
        (landscape ? LongSide : ShortSide) - DecreePageSetup.Twips(DecreePageSetup.LeftMillimetres) - DecreePageSetup.Twips(DecreePageSetup.RightMillimetres);

    /// <summary>The header parts every section refers to: the numbered default one and the empty first-page one.</summary>
    public sealed record Headers(string DefaultId, string FirstId);

    public static Headers AddHeaders(MainDocumentPart main)
    {
        ArgumentNullException.ThrowIfNull(main);
        var numbered = main.AddNewPart<HeaderPart>();
        var size = ((int)(DecreePageSetup.PageNumberPoints * 2)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        numbered.Header = new Header(new Paragraph(
            new ParagraphProperties(new Justification { Val = JustificationValues.Center }),
            new SimpleField(new Run(new RunProperties(new FontSize { Val = size }, new FontSizeComplexScript { Val = size }), new Text("2"))) { Instruction = " PAGE " }));
        numbered.Header.Save();
        var first = main.AddNewPart<HeaderPart>();
        first.Header = new Header(new Paragraph());
        first.Header.Save();
        return new Headers(main.GetIdOfPart(numbered), main.GetIdOfPart(first));
    }

    /// <summary>
    /// A section's properties. <paramref name="titlePage"/>: the section's first page takes the
    /// empty header (the document's page 1); a later section numbers its first page as well.
    /// <paramref name="nextPage"/>: the section starts on a new page (the annex after the report).
    /// </summary>
    public static SectionProperties Section(Headers headers, bool landscape, bool titlePage, bool nextPage = false)
    {
        ArgumentNullException.ThrowIfNull(headers);
        var section = new SectionProperties(
            new HeaderReference { Type = HeaderFooterValues.Default, Id = headers.DefaultId },
            new HeaderReference { Type = HeaderFooterValues.First, Id = headers.FirstId });
        if (nextPage)
        {
            section.Append(new SectionType { Val = SectionMarkValues.NextPage });
        }

        section.Append(
            landscape
                ? new PageSize { Width = (uint)LongSide, Height = (uint)ShortSide, Orient = PageOrientationValues.Landscape }
                : new PageSize { Width = (uint)ShortSide, Height = (uint)LongSide },
            new PageMargin
            {
                Top = DecreePageSetup.Twips(DecreePageSetup.TopMillimetres),
                Bottom = DecreePageSetup.Twips(DecreePageSetup.BottomMillimetres),
                Left = (uint)DecreePageSetup.Twips(DecreePageSetup.LeftMillimetres),
                Right = (uint)DecreePageSetup.Twips(DecreePageSetup.RightMillimetres),
                Header = (uint)DecreePageSetup.Twips(DecreePageSetup.PageNumberFromTopMillimetres - 3),
                Footer = (uint)DecreePageSetup.Twips(10),
                Gutter = 0,
            });
        if (titlePage)
        {
            section.Append(new TitlePage());
        }

        return section;
    }

    /// <summary>Document defaults: Times New Roman at <paramref name="sizeHalfPoints"/>, Vietnamese, single spacing.</summary>
    public static Styles DefaultStyles(string sizeHalfPoints) => new(
        new DocDefaults(
            new RunPropertiesDefault(new RunPropertiesBaseStyle(
                new RunFonts { Ascii = FontName, HighAnsi = FontName, ComplexScript = FontName, EastAsia = FontName },
                new FontSize { Val = sizeHalfPoints },
                new FontSizeComplexScript { Val = sizeHalfPoints },
                new Languages { Val = "vi-VN" })),
            new ParagraphPropertiesDefault(new ParagraphPropertiesBaseStyle(
                new SpacingBetweenLines { After = "0", Line = "240", LineRule = LineSpacingRuleValues.Auto }))),
        new Style(new StyleName { Val = "Normal" }, new PrimaryStyle()) { Type = StyleValues.Paragraph, StyleId = "Normal", Default = true });
}
