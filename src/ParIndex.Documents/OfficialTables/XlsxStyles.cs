using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Spreadsheet;

namespace ParIndex.Documents.OfficialTables;

/// <summary>The cell formats of the official table workbook; the constants are indexes into cellXfs.</summary>
internal static class XlsxStyles
{
    public const uint Default = 0;
    public const uint Title = 1;
    public const uint ReportLine = 2;
    public const uint Header = 3;
    public const uint Text = 4;
    public const uint TextBold = 5;
    public const uint Code = 6;
    public const uint CodeBold = 7;
    public const uint Number = 8;
    public const uint NumberBold = 9;
    public const uint Percent = 10;
    public const uint PercentBold = 11;

    private const string FontName = "Times New Roman";
    private const uint PointsFormatId = 164;
    private const uint PercentFormatId = 165;

    public static Stylesheet Create()
    {
        var fonts = new DocumentFormat.OpenXml.Spreadsheet.Fonts(
            Font(11, bold: false, italic: false), // 0 body
            Font(11, bold: true, italic: false),  // 1 bold
            Font(13, bold: true, italic: false),  // 2 title
            Font(11, bold: false, italic: true))  // 3 report line
        { Count = 4 };
        var fills = new Fills(
            new Fill(new PatternFill { PatternType = PatternValues.None }),
            new Fill(new PatternFill { PatternType = PatternValues.Gray125 }),
            new Fill(new PatternFill(new ForegroundColor { Rgb = "FFE7E6E6" }, new BackgroundColor { Indexed = 64 }) { PatternType = PatternValues.Solid }))
        { Count = 3 };
        var borders = new Borders(
            new Border(new LeftBorder(), new RightBorder(), new TopBorder(), new BottomBorder(), new DiagonalBorder()),
            new Border(Edge<LeftBorder>(), Edge<RightBorder>(), Edge<TopBorder>(), Edge<BottomBorder>(), new DiagonalBorder()))
        { Count = 2 };

        var formats = new CellFormats(
            Format(0, 0, 0, HorizontalAlignmentValues.General, VerticalAlignmentValues.Bottom, wrap: false),   // Default
            Format(2, 0, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, wrap: true),     // Title
            Format(3, 0, 0, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, wrap: true),     // ReportLine
            Format(1, 2, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Center, wrap: true),     // Header
            Format(0, 0, 1, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top, wrap: true),          // Text
            Format(1, 0, 1, HorizontalAlignmentValues.Left, VerticalAlignmentValues.Top, wrap: true),          // TextBold
            Format(0, 0, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top, wrap: false),       // Code
            Format(1, 0, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top, wrap: false),       // CodeBold
            Format(0, 0, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top, wrap: false, PointsFormatId),
            Format(1, 0, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top, wrap: false, PointsFormatId),
            Format(0, 0, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top, wrap: false, PercentFormatId),
            Format(1, 0, 1, HorizontalAlignmentValues.Center, VerticalAlignmentValues.Top, wrap: false, PercentFormatId))
        { Count = 12 };

        return new Stylesheet(
            // Numbers stay numeric (a unit can add them up); the Vietnamese locale tag makes a spreadsheet
            // that honours it (LibreOffice) show a decimal comma, Excel shows its system's separator.
            new NumberingFormats(
                new NumberingFormat { NumberFormatId = PointsFormatId, FormatCode = "[$-42A]General" },
                new NumberingFormat { NumberFormatId = PercentFormatId, FormatCode = "[$-42A]0.00" })
            { Count = 2 },
            fonts,
            fills,
            borders,
            new CellStyleFormats(new CellFormat { NumberFormatId = 0, FontId = 0, FillId = 0, BorderId = 0 }) { Count = 1 },
            formats,
            new CellStyles(new CellStyle { Name = "Normal", FormatId = 0, BuiltinId = 0 }) { Count = 1 });
    }

    private static Font Font(double size, bool bold, bool italic)
    {
        var font = new Font();
        if (bold)
        {
            font.Append(new Bold());
        }

        if (italic)
        {
            font.Append(new Italic());
        }

        font.Append(new FontSize { Val = size });
        font.Append(new FontName { Val = FontName });
        font.Append(new FontFamilyNumbering { Val = 1 });
        return font;
    }

    private static T Edge<T>()
        where T : BorderPropertiesType, new() =>
        new() { Style = BorderStyleValues.Thin, Color = new Color { Indexed = 64 } };

    private static CellFormat Format(uint font, uint fill, uint border, HorizontalAlignmentValues horizontal, VerticalAlignmentValues vertical, bool wrap, uint numberFormat = 0) =>
        new(new Alignment { Horizontal = horizontal, Vertical = vertical, WrapText = wrap ? true : null })
        {
            NumberFormatId = numberFormat,
            FontId = font,
            FillId = fill,
            BorderId = border,
            FormatId = 0,
            ApplyFont = true,
            ApplyFill = fill != 0 ? true : null,
            ApplyBorder = border != 0 ? true : null,
            ApplyAlignment = true,
            ApplyNumberFormat = numberFormat != 0 ? true : null,
        };
}
