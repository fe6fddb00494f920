using ParIndex.Core.OfficialTables;
using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Tests.OfficialTables;
using ParIndex.Documents.Tests.Support;
using ParIndex.Tests.Shared;
using UglyToad.PdfPig;
using Xunit.Abstractions;

namespace ParIndex.Documents.Tests.Fuzzing;

/// <summary>
/// Deterministic fuzzing of the PDF reader's row and column assembly (docs/fuzzing.md): the words of
/// the seed table's PDF export, moved, dropped, duplicated, retyped and scattered over pages, end
/// in a table or an <see cref="OfficialTableFormatException"/> with its line, never another
/// exception; and byte mutations of the PDF itself end the same way.
/// </summary>
public sealed class PdfTableReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly byte[] SeedPdf = PdfTableReaderTests.ExportPdf(Seed.Table());
    private static readonly List<List<PdfTableReader.PdfWordBox>> SeedWords = WordsOf(SeedPdf);

    [Fact]
    public void Pdf_table_row_and_column_assembly()
    {
        var summary = Fuzz.Run("official-table-pdf-words", seed: 117, cases: 80, random =>
        {
            var table = PdfTableReader.ReadPages(Mutate(random));
            return OfficialTableVerifier.Verify(table).Count == 0 ? "consistent" : "mismatches";
        }, ex => ex is OfficialTableFormatException { Line: > 0 }, maxAllocatedBytes: 256L * 1024 * 1024);
        output.WriteLine(summary.ToString());
        Assert.True(summary.Outcomes.Count > 1, summary.ToString());
    }

    [Fact]
    public void Pdf_bytes()
    {
        var summary = Fuzz.Run("official-table-pdf-bytes", seed: 118, cases: 40, random =>
        {
            using var stream = new MemoryStream(Fuzz.MutateBytes(random, SeedPdf));
            var table = OfficialTableFileReader.Read(stream);
            return OfficialTableVerifier.Verify(table).Count == 0 ? "consistent" : "mismatches";
        }, ex => ex is OfficialTableFormatException { Line: > 0 }, maxAllocatedBytes: 512L * 1024 * 1024, perCase: TimeSpan.FromSeconds(20));
        output.WriteLine(summary.ToString());
    }

    private static List<List<PdfTableReader.PdfWordBox>> WordsOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return document.GetPages()
            .Select(p => p.GetWords().Where(w => !string.IsNullOrWhiteSpace(w.Text))
                .Select(w => new PdfTableReader.PdfWordBox(w.Text, w.BoundingBox.Left, w.BoundingBox.Right, w.Letters[0].StartBaseLine.Y, w.Letters.Max(l => l.PointSize)))
                .ToList())
            .ToList();
    }

    private static List<IReadOnlyList<PdfTableReader.PdfWordBox>> Mutate(Random random)
    {
        var pages = SeedWords.Select(p => p.ToList()).ToList();
        var edits = random.Next(1, 40);
        for (var e = 0; e < edits; e++)
        {
            var page = pages[random.Next(pages.Count)];
            if (page.Count == 0)
            {
                continue;
            }

            var i = random.Next(page.Count);
            var w = page[i];
            switch (random.Next(10))
            {
                case 0:
                    page.RemoveAt(i);
                    break;
                case 1:
                    page[i] = w with { Left = w.Left + random.Next(-40, 40), Right = w.Right + random.Next(-40, 40) };
                    break;
                case 2:
                    page[i] = w with { Baseline = w.Baseline + (random.NextDouble() * 20) - 10 };
                    break;
                case 3:
                    page.Add(w with { Left = w.Left + 3 });
                    break;
                case 4:
                    page[i] = w with { Text = random.Next(3) == 0 ? Fuzz.RandomNumberText(random) : Fuzz.RandomUnicode(random, random.Next(1, 30)) };
                    break;
                case 5:
                    pages[random.Next(pages.Count)].Add(w);
                    break;
                case 6:
                    // Odd boxes: zero or negative width, huge coordinates, tiny or huge text.
                    page[i] = w with { Left = random.Next(2) == 0 ? 1e9 : w.Right, Right = w.Left, Height = random.Next(2) == 0 ? 0.001 : 5000 };
                    break;
                case 7:
                    page.RemoveRange(i, Math.Min(page.Count - i, random.Next(1, 200)));
                    break;
                case 8:
                    page.Add(w with { Text = "STT", Left = random.Next(0, 800), Baseline = random.Next(0, 600) });
                    break;
                default:
                    page.Add(w with { Text = "TỔNG", Left = 10 });
                    break;
            }
        }

        if (random.Next(10) == 0)
        {
            pages.Reverse();
        }

        return [.. pages];
    }
}
