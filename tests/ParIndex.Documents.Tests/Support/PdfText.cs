using System.Text.RegularExpressions;
using UglyToad.PdfPig.DocumentLayoutAnalysis.TextExtractor;
using PdfPigDocument = UglyToad.PdfPig.PdfDocument;

namespace ParIndex.Documents.Tests.Support;

/// <summary>What a PDF text extractor (PdfPig) sees in a PDF.</summary>
internal sealed record PdfWord(int Page, string Text, double Left, double Bottom, double Right, double Top, double PageWidth, double PageHeight);

internal static class PdfText
{
    /// <summary>All words, in content order, with their boxes.</summary>
    public static List<PdfWord> Words(byte[] pdf)
    {
        using var document = PdfPigDocument.Open(pdf);
        var words = new List<PdfWord>();
        foreach (var page in document.GetPages())
        {
            foreach (var word in page.GetWords())
            {
                var box = word.BoundingBox;
                words.Add(new PdfWord(page.Number, word.Text, box.Left, box.Bottom, box.Right, box.Top, page.Width, page.Height));
            }
        }

        return words;
    }

    /// <summary>
    /// The text of every page in the order it was drawn (the writer draws cell by cell, so a
    /// wrapped cell reads whole), whitespace collapsed to single spaces.
    /// </summary>
    public static string Joined(byte[] pdf) => string.Join(" ", PageTexts(pdf));

    public static List<string> PageTexts(byte[] pdf)
    {
        using var document = PdfPigDocument.Open(pdf);
        return document.GetPages()
            .Select(page => Regex.Replace(ContentOrderTextExtractor.GetText(page, false), @"\s+", " ").Trim())
            .ToList();
    }

    /// <summary>The font families the text is set in (subset prefix and style removed).</summary>
    public static List<string> FontFamilies(byte[] pdf)
    {
        using var document = PdfPigDocument.Open(pdf);
        return document.GetPages()
            .SelectMany(p => p.Letters)
            .Where(l => !string.IsNullOrWhiteSpace(l.Value))
            .Select(l => Regex.Replace(Regex.Replace(l.FontName ?? "", @"^[A-Z]{6}\+", ""), @"[-, ](Bold|Italic|BoldItalic|Regular)$", ""))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    public static int PageCount(byte[] pdf)
    {
        using var document = PdfPigDocument.Open(pdf);
        return document.NumberOfPages;
    }
}
