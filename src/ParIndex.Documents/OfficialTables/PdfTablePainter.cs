using System.Globalization;
using System.Text;
using ParIndex.Documents.Fonts;
using ParIndex.Documents.Layout;
using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace ParIndex.Documents.OfficialTables;

/// <summary>A cell to paint: its text (paragraphs separated by <c>\n</c>), weight and alignment.</summary>
internal sealed record PdfCell(string Text, bool Bold, CellAlignment Alignment);

internal enum CellAlignment
{
    Left,
    Center,
    Right,
}

/// <summary>
/// Paints a table over as many A4 pages as it needs, with the page setup of Decree 30
/// (<see cref="DecreePageSetup"/>): the header row on every page, text wrapped inside its column
/// (a word wider than the column is broken), a row taller than the space left split across pages
/// rather than cut, and the page number centred in the top margin from page 2.
/// </summary>
internal sealed class PdfTablePainter
{
    private const double Padding = 3;

    private readonly PdfDocument _document;
    private readonly PageOrientation _orientation;
    private readonly double[] _widths;
    private readonly IReadOnlyList<PdfCell> _header;
    private readonly XFont _regular;
    private readonly XFont _bold;
    private readonly double _lineHeight;
    private PdfPage? _page;
    private XGraphics? _gfx;
    private double _y;

    /// <param name="document">The PDF; pages already in it (the report before its annex) are kept and numbered too.</param>
    /// <param name="weights">Relative column widths.</param>
    /// <param name="header">The header row, repeated on every page.</param>
    /// <param name="orientation">Landscape for the wide official table (an annex), portrait for narrow ones.</param>
    /// <param name="bodySize">Size of the cells' text in points.</param>
    public PdfTablePainter(PdfDocument document, IReadOnlyList<double> weights, IReadOnlyList<PdfCell> header,
        PageOrientation orientation = PageOrientation.Landscape, double bodySize = DecreePageSetup.TablePoints)
    {
        PdfFontSetup.EnsureInstalled();
        _document = document;
        _header = header;
        _orientation = orientation;
        _regular = new XFont(EmbeddedFonts.SerifFamilyName, bodySize, XFontStyleEx.Regular);
        _bold = new XFont(EmbeddedFonts.SerifFamilyName, bodySize, XFontStyleEx.Bold);
        _lineHeight = _regular.GetHeight();
        var total = weights.Sum();
        _widths = weights.Select(w => w / total * ContentWidth).ToArray();
    }

    public static double LeftMargin => DecreePageSetup.Points(DecreePageSetup.LeftMillimetres);

    public static double RightMargin => DecreePageSetup.Points(DecreePageSetup.RightMillimetres);

    public static double TopMargin => DecreePageSetup.Points(DecreePageSetup.TopMillimetres);

    public static double BottomMargin => DecreePageSetup.Points(DecreePageSetup.BottomMillimetres);

    public double PageWidth => DecreePageSetup.Points(_orientation == PageOrientation.Landscape ? DecreePageSetup.A4LongMillimetres : DecreePageSetup.A4ShortMillimetres);

    public double PageHeight => DecreePageSetup.Points(_orientation == PageOrientation.Landscape ? DecreePageSetup.A4ShortMillimetres : DecreePageSetup.A4LongMillimetres);

    public double ContentWidth => PageWidth - LeftMargin - RightMargin;

    private double Bottom => PageHeight - BottomMargin;

    /// <summary>The graphics of the current page, started on first use.</summary>
    public XGraphics Graphics
    {
        get
        {
            if (_gfx is null)
            {
                NewPage(withHeader: false);
            }

            return _gfx!;
        }
    }

    /// <summary>The top of free space on the current page.</summary>
    public double Y
    {
        get => _gfx is null ? TopMargin : _y;
        set => _y = value;
    }

    /// <summary>The height left on the current page above the bottom margin.</summary>
    public double SpaceLeft => Bottom - Y;

    /// <summary>Centred lines above the table (title block); wraps lines wider than the page.</summary>
    public void DrawCentredLines(IEnumerable<string> lines, double size, XFontStyleEx style, double spacingAfter)
    {
        var font = new XFont(EmbeddedFonts.SerifFamilyName, size, style);
        var gfx = Graphics;
        foreach (var line in lines)
        {
            foreach (var part in Wrap(gfx, line, font, ContentWidth))
            {
                if (_y + font.GetHeight() > Bottom)
                {
                    NewPage(withHeader: false);
                    gfx = _gfx!;
                }

                gfx.DrawString(part, font, XBrushes.Black, new XRect(LeftMargin, _y, ContentWidth, font.GetHeight()), XStringFormats.TopCenter);
                _y += font.GetHeight();
            }
        }

        _y += spacingAfter;
    }

    public void DrawHeader()
    {
        _ = Graphics;
        DrawRow(_header, isHeader: true);
    }

    public void DrawRow(IReadOnlyList<PdfCell> cells) => DrawRow(cells, isHeader: false);

    /// <summary>Leaves the space for an image of the given height, starting a page when needed.</summary>
    public double Reserve(double height)
    {
        _ = Graphics;
        if (_y + height > Bottom)
        {
            NewPage(withHeader: false);
        }

        var top = _y;
        _y += height;
        return top;
    }

    /// <summary>Closes the last page and numbers every page of the document.</summary>
    public void Finish()
    {
        _gfx?.Dispose();
        _gfx = null;
        NumberPages(_document);
    }

    /// <summary>
    /// Page numbers as the Decree places them: Arabic numerals centred in the top margin, from
    /// page 2 (the first page carries none).
    /// </summary>
    public static void NumberPages(PdfDocument document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var font = new XFont(EmbeddedFonts.SerifFamilyName, DecreePageSetup.PageNumberPoints, XFontStyleEx.Regular);
        var top = DecreePageSetup.Points(DecreePageSetup.PageNumberFromTopMillimetres) - (font.GetHeight() / 2);
        for (var i = 1; i < document.PageCount; i++)
        {
            var page = document.Pages[i];
            using var gfx = XGraphics.FromPdfPage(page, XGraphicsPdfPageOptions.Append);
            var text = (i + 1).ToString(CultureInfo.InvariantCulture);
            gfx.DrawString(text, font, XBrushes.Black, new XRect(LeftMargin, top, page.Width.Point - LeftMargin - RightMargin, font.GetHeight()), XStringFormats.TopCenter);
        }
    }

    private void NewPage(bool withHeader)
    {
        _gfx?.Dispose();
        _page = _document.AddPage();
        _page.Size = PageSize.A4;
        _page.Orientation = _orientation;
        _gfx = XGraphics.FromPdfPage(_page);
        _y = TopMargin;
        if (withHeader)
        {
            DrawRow(_header, isHeader: true);
        }
    }

    private void DrawRow(IReadOnlyList<PdfCell> cells, bool isHeader)
    {
        var gfx = Graphics;
        var lines = new List<string>[cells.Count];
        for (var c = 0; c < cells.Count; c++)
        {
            var font = cells[c].Bold ? _bold : _regular;
            lines[c] = Wrap(gfx, cells[c].Text, font, _widths[c] - (2 * Padding));
        }

        var done = new int[cells.Count];
        while (true)
        {
            var remaining = lines.Select((l, c) => l.Count - done[c]).Max();
            var needed = (Math.Max(remaining, 1) * _lineHeight) + (2 * Padding);
            var available = Bottom - _y;
            int take;
            if (needed <= available)
            {
                take = Math.Max(remaining, 1);
            }
            else
            {
                take = (int)Math.Floor((available - (2 * Padding)) / _lineHeight);
                // The header is never split, and a split leaves at least two lines on the page.
                if (isHeader || take < 2)
                {
                    NewPage(withHeader: !isHeader);
                    continue;
                }
            }

            var height = (take * _lineHeight) + (2 * Padding);
            var x = LeftMargin;
            for (var c = 0; c < cells.Count; c++)
            {
                var rect = new XRect(x, _y, _widths[c], height);
                if (isHeader)
                {
                    _gfx!.DrawRectangle(XBrushes.Gainsboro, rect);
                }

                _gfx!.DrawRectangle(XPens.Black, rect);
                var font = cells[c].Bold ? _bold : _regular;
                var lineY = _y + Padding;
                for (var i = done[c]; i < Math.Min(lines[c].Count, done[c] + take); i++)
                {
                    var lineRect = new XRect(x + Padding, lineY, _widths[c] - (2 * Padding), _lineHeight);
                    var format = cells[c].Alignment switch
                    {
                        CellAlignment.Center => XStringFormats.TopCenter,
                        CellAlignment.Right => XStringFormats.TopRight,
                        _ => XStringFormats.TopLeft,
                    };
                    _gfx.DrawString(lines[c][i], font, XBrushes.Black, lineRect, format);
                    lineY += _lineHeight;
                }

                done[c] = Math.Min(lines[c].Count, done[c] + take);
                x += _widths[c];
            }

            _y += height;
            if (done.Select((d, c) => d >= lines[c].Count).All(b => b))
            {
                return;
            }

            NewPage(withHeader: true);
        }
    }

    /// <summary>The most lines one cell wraps to (≈ 20 pages of one row); the rest is cut with <see cref="CutMarker"/>.</summary>
    internal const int MaxLinesPerCell = 1_000;

    /// <summary>Ends a cell cut at <see cref="MaxLinesPerCell"/>: the whole text is in the xlsx and docx files.</summary>
    internal const string CutMarker = "…(đã rút gọn, xem bản xlsx)";

    /// <summary>
    /// Greedy word wrap; paragraphs split on <c>\n</c>; a word wider than the column is broken
    /// between text elements (never inside a surrogate pair or before a combining mark). Each
    /// distinct text element is measured once and widths are summed (PDFsharp applies no kerning,
    /// so the sum equals the measured line): the time is linear in the text, whatever its words,
    /// and no string longer than a line is ever measured. At most <paramref name="maxLines"/>
    /// lines come out; a longer text ends with <paramref name="cutMarker"/>.
    /// </summary>
    internal static List<string> Wrap(XGraphics gfx, string text, XFont font, double width, int maxLines = MaxLinesPerCell, string cutMarker = CutMarker)
    {
        var measure = new ElementWidths(gfx, font);
        // A column narrower than one letter still gets one letter per line, never a negative width.
        width = Math.Max(width, 1);
        var result = new List<string>();
        var space = measure.Of(" ");
        var cut = false;
        foreach (var paragraph in text.Normalize(NormalizationForm.FormC).Split('\n'))
        {
            if (result.Count >= maxLines)
            {
                cut = true;
                break;
            }

            var line = new StringBuilder();
            var lineWidth = 0.0;
            foreach (var word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (result.Count >= maxLines)
                {
                    cut = true;
                    break;
                }

                var wordWidth = measure.Of(word);
                var candidate = line.Length == 0 ? wordWidth : lineWidth + space + wordWidth;
                if (candidate <= width)
                {
                    if (line.Length > 0)
                    {
                        line.Append(' ');
                    }

                    line.Append(word);
                    lineWidth = candidate;
                    continue;
                }

                if (line.Length > 0)
                {
                    result.Add(line.ToString());
                    line.Clear();
                }

                if (wordWidth <= width)
                {
                    line.Append(word);
                    lineWidth = wordWidth;
                    continue;
                }

                // A word that alone is too wide (a URL in a narrow column) is broken where it must
                // be: text elements are added while they fit, in one pass over the word.
                var start = 0;
                var pieceWidth = 0.0;
                var index = 0;
                while (index < word.Length)
                {
                    var length = StringInfo.GetNextTextElementLength(word.AsSpan(index));
                    var elementWidth = measure.Of(word.AsSpan(index, length));
                    if (index > start && pieceWidth + elementWidth > width)
                    {
                        result.Add(word[start..index]);
                        if (result.Count >= maxLines)
                        {
                            cut = true;
                            break;
                        }

                        start = index;
                        pieceWidth = 0;
                    }

                    pieceWidth += elementWidth;
                    index += length;
                }

                if (cut)
                {
                    break;
                }

                line.Append(word, start, word.Length - start);
                lineWidth = pieceWidth;
            }

            if (cut)
            {
                break;
            }

            if (line.Length > 0 || paragraph.Length == 0)
            {
                result.Add(line.ToString());
            }
        }

        if (cut || result.Count > maxLines)
        {
            result.RemoveRange(Math.Min(result.Count, maxLines), Math.Max(0, result.Count - maxLines));
            result.AddRange(Wrap(gfx, cutMarker, font, width, int.MaxValue, cutMarker));
            return result;
        }

        // An empty cell still has one (empty) line, which keeps row heights regular.
        while (result.Count > 1 && result[^1].Length == 0)
        {
            result.RemoveAt(result.Count - 1);
        }

        return result;
    }

    /// <summary>Widths of text elements, each distinct one measured once.</summary>
    private sealed class ElementWidths
    {
        private readonly XGraphics _gfx;
        private readonly XFont _font;
        private readonly Dictionary<string, double> _widths = new(StringComparer.Ordinal);
        private readonly Dictionary<string, double>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public ElementWidths(XGraphics gfx, XFont font)
        {
            _gfx = gfx;
            _font = font;
            _lookup = _widths.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public double Of(ReadOnlySpan<char> text)
        {
            var total = 0.0;
            var index = 0;
            while (index < text.Length)
            {
                var length = StringInfo.GetNextTextElementLength(text[index..]);
                var element = text.Slice(index, length);
                if (!_lookup.TryGetValue(element, out var width))
                {
                    width = _gfx.MeasureString(element.ToString(), _font).Width;
                    _lookup[element] = width;
                }

                total += width;
                index += length;
            }

            return total;
        }
    }
}
