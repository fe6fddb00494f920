using System.IO.Compression;
using System.Text;
using ParIndex.Core.OfficialTables;
using ParIndex.Documents.OfficialTables;
using ParIndex.Documents.Tests.Support;
using ParIndex.Tests.Shared;
using Xunit.Abstractions;

namespace ParIndex.Documents.Tests.Fuzzing;

/// <summary>
/// Deterministic fuzzing of the official-table xlsx reader (docs/fuzzing.md): mutated copies of the
/// seed table written as xlsx, and random zips, end in a table or an
/// <see cref="OfficialTableFormatException"/> with its row, never another exception.
/// </summary>
public sealed class XlsxTableReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly byte[] SeedXlsx = Write();

    [Fact]
    public void Xlsx_table_reader()
    {
        var summary = Fuzz.Run("official-table-xlsx", seed: 876, cases: 150, random =>
        {
            var bytes = random.Next(6) switch
            {
                0 => Fuzz.MutateBytes(random, SeedXlsx),
                1 => RandomZip(random),
                _ => RewritePart(random, SeedXlsx),
            };
            using var stream = new MemoryStream(bytes);
            var table = OfficialTableFileReader.Read(stream);
            return OfficialTableVerifier.Verify(table).Count == 0 ? "consistent" : "mismatches";
        }, ex => ex is OfficialTableFormatException { Line: > 0 }, maxAllocatedBytes: 256L * 1024 * 1024);
        output.WriteLine(summary.ToString());
        Assert.True(summary.Outcomes.Count > 1, summary.ToString());
    }

    /// <summary>Cases the fuzzer found (seed 876): each crashed the reader with an exception other than its format error.</summary>
    [Theory]
    [InlineData("<x:row r=\"7\"", "<x:row r=\"1e28646\"", 7)] // case 195: a row number that is not a number (FormatException)
    [InlineData("<x:row r=\"7\"", "<x:row r=\"4294967295\"", 7)] // a row past the sheet: a negative line number
    [InlineData("<x:c r=\"B7\"", "<x:c r=\"ZZZZZZZZB7\"", 7)] // a column past XFD: an overflowing index
    [InlineData("<x:c r=\"C7\" s=\"9\">", "<x:c r=\"C7\" s=\"9\" t=\"nonsense\">", 1)] // a cell type the SDK cannot parse
    public void Broken_sheet_attributes_are_a_format_error_with_a_row(string find, string replace, int line)
    {
        var bytes = ReplaceInSheet(SeedXlsx, find, replace);
        using var stream = new MemoryStream(bytes);
        var refused = Assert.Throws<OfficialTableFormatException>(() => OfficialTableFileReader.Read(stream));
        Assert.Equal(line, refused.Line);
        Assert.StartsWith($"Dòng {line}", refused.Message, StringComparison.Ordinal);
    }

    private static byte[] ReplaceInSheet(byte[] xlsx, string find, string replace)
    {
        using var output = new MemoryStream();
        output.Write(xlsx);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.GetEntry("xl/worksheets/sheet1.xml")!;
            string xml;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                xml = reader.ReadToEnd();
            }

            Assert.Contains(find, xml, StringComparison.Ordinal);
            entry.Delete();
            using var writer = new StreamWriter(zip.CreateEntry("xl/worksheets/sheet1.xml").Open(), new UTF8Encoding(false));
            writer.Write(xml.Replace(find, replace, StringComparison.Ordinal));
        }

        return output.ToArray();
    }

    private static byte[] Write()
    {
        using var stream = new MemoryStream();
        XlsxTableWriter.Write(AssessmentTableDocumentFactory.FromOfficialTable(Seed.Table()), stream);
        return stream.ToArray();
    }

    /// <summary>One part of the workbook (sheet, shared strings, workbook, styles) mutated as text; the zip stays readable.</summary>
    private static byte[] RewritePart(Random random, byte[] xlsx)
    {
        using var output = new MemoryStream();
        output.Write(xlsx);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            var xmlParts = zip.Entries.Where(e => e.FullName.EndsWith(".xml", StringComparison.Ordinal) || e.FullName.EndsWith(".rels", StringComparison.Ordinal)).ToList();
            var sheet = xmlParts.FirstOrDefault(e => e.FullName.Contains("worksheets/", StringComparison.Ordinal));
            var entry = sheet is not null && random.Next(2) == 0 ? sheet : xmlParts[random.Next(xmlParts.Count)];
            string xml;
            using (var reader = new StreamReader(entry.Open(), Encoding.UTF8))
            {
                xml = reader.ReadToEnd();
            }

            var name = entry.FullName;
            entry.Delete();
            var text = new StringBuilder(xml);
            for (var m = 0; m < 1 + random.Next(4); m++)
            {
                var at = random.Next(text.Length);
                switch (random.Next(8))
                {
                    case 0:
                        text.Insert(at, "<c r=\"" + Fuzz.RandomUnicode(random, 4) + "\"><v>" + Fuzz.RandomNumberText(random) + "</v></c>");
                        break;
                    case 1:
                        text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(30)));
                        break;
                    case 2:
                        text.Insert(at, "<c r=\"XFD1048576\" t=\"s\"><v>" + Fuzz.RandomNumberText(random) + "</v></c>");
                        break;
                    case 3:
                        text.Insert(at, "<row r=\"" + Fuzz.RandomNumberText(random) + "\">");
                        break;
                    case 4:
                        text.Insert(at, Fuzz.RandomUnicode(random, 10));
                        break;
                    case 5:
                        text.Insert(at, "<c t=\"b\"><f>1/0</f></c>");
                        break;
                    case 6:
                        text.Replace("r=\"", "r=\"" + Fuzz.RandomNumberText(random), at, Math.Min(200, text.Length - at));
                        break;
                    default:
                        text.Insert(at, "<c r=\"A9\" t=\"n\"><v>" + Fuzz.RandomNumberText(random) + "</v></c>");
                        break;
                }
            }

            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
            writer.Write(text.ToString());
        }

        return output.ToArray();
    }

    private static byte[] RandomZip(Random random)
    {
        string[] names = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml"];
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in names.Where(_ => random.Next(3) > 0))
            {
                using var stream = zip.CreateEntry(name).Open();
                var bytes = new byte[random.Next(2000)];
                random.NextBytes(bytes);
                stream.Write(bytes);
            }
        }

        return output.ToArray();
    }
}
