using System.IO.Compression;
using System.Text;
using ParIndex.Core.Surveys;
using ParIndex.Surveys.Import;
using ParIndex.Surveys.Responses;
using ParIndex.Tests.Shared;
using Xunit.Abstractions;
using static ParIndex.Surveys.Tests.SurveyFixtures;

namespace ParIndex.Surveys.Tests;

/// <summary>
/// Deterministic fuzzing of the survey response readers (docs/fuzzing.md): every mutated CSV or
/// XLSX file ends in a report (valid, or problems by row and column) or a
/// <see cref="SurveyFileFormatException"/>, never another exception, a hang or unbounded memory.
/// </summary>
public sealed class SurveyReaderFuzzTests(ITestOutputHelper output)
{
    private static readonly byte[] ValidXlsx = Read(XlsxFile(WideRows));
    private static readonly byte[] ValidLongXlsx = Read(XlsxFile(LongRows()));

    [Fact]
    public void Csv_response_reader()
    {
        var summary = Fuzz.Run("survey-csv", seed: 400, cases: 800, random =>
        {
            var longShape = random.Next(2) == 0;
            var delimiter = random.Next(3) == 0 ? "\t;"[random.Next(2)] : ',';
            var text = MutateCsv(random, Csv(longShape ? LongRows() : WideRows, delimiter));
            var bytes = random.Next(4) == 0 ? Fuzz.MutateBytes(random, Encoding.UTF8.GetBytes(text)) : Encoding.UTF8.GetBytes(text);
            return Validate(ResponseFile.FromBytes("fuzz.csv", bytes, ResponseFileFormat.Csv), longShape ? Long : Wide);
        }, ex => ex is SurveyFileFormatException, maxAllocatedBytes: 64L * 1024 * 1024);
        output.WriteLine(summary.ToString());
        Assert.True(summary.Outcomes.Count > 1, summary.ToString());
    }

    [Fact]
    public void Xlsx_response_reader()
    {
        var summary = Fuzz.Run("survey-xlsx", seed: 401, cases: 400, random =>
        {
            var longShape = random.Next(2) == 0;
            byte[] bytes = random.Next(5) switch
            {
                0 => RandomZip(random),
                1 => RewriteSheet(random, longShape ? ValidLongXlsx : ValidXlsx),
                _ => Fuzz.MutateBytes(random, longShape ? ValidLongXlsx : ValidXlsx),
            };
            return Validate(ResponseFile.FromBytes("fuzz.xlsx", bytes, ResponseFileFormat.Xlsx), longShape ? Long : Wide);
        }, ex => ex is SurveyFileFormatException, maxAllocatedBytes: 64L * 1024 * 1024);
        output.WriteLine(summary.ToString());
        Assert.True(summary.Outcomes.Count > 1, summary.ToString());
    }

    private static string Validate(ResponseFile file, SurveyColumnMapping mapping)
    {
        var (report, _) = SurveyImporter.ValidateAndScore(file, TestQuestionnaire, mapping, new SurveyScorer(TestFramework));
        if (report.Problems.Any(p => p.Row < 0 || p.Column < 0 || string.IsNullOrWhiteSpace(p.Message)))
        {
            throw new InvalidOperationException("A problem without a row, a column or a message.");
        }

        return report.IsValid ? "valid" : "problems";
    }

    private static byte[] Read(ResponseFile file)
    {
        using var stream = file.Open();
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static string MutateCsv(Random random, string csv)
    {
        var text = new StringBuilder(csv);
        var mutations = 1 + random.Next(6);
        for (var m = 0; m < mutations && text.Length > 0; m++)
        {
            var at = random.Next(text.Length);
            switch (random.Next(10))
            {
                case 0:
                    text.Insert(at, '"');
                    break;
                case 1:
                    text.Insert(at, "\"\"");
                    break;
                case 2:
                    text.Insert(at, ",;\t"[random.Next(3)]);
                    break;
                case 3:
                    text.Insert(at, "\r\n\r"[random.Next(3)]);
                    break;
                case 4:
                    text.Insert(at, Fuzz.RandomUnicode(random, random.Next(20)));
                    break;
                case 5:
                    text.Insert(at, new string('5', random.Next(200_000)));
                    break;
                case 6:
                    text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(20)));
                    break;
                case 7:
                    text.Insert(at, Fuzz.RandomNumberText(random));
                    break;
                case 8:
                    text.Insert(0, '\uFEFF');
                    break;
                default:
                    text.Length = at; // truncated
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The valid workbook with its sheet XML mutated as text: the zip stays readable, the XML does not.</summary>
    private static byte[] RewriteSheet(Random random, byte[] xlsx)
    {
        using var output = new MemoryStream();
        output.Write(xlsx);
        using (var zip = new ZipArchive(output, ZipArchiveMode.Update, leaveOpen: true))
        {
            var entry = zip.Entries.FirstOrDefault(e => e.FullName.Contains("sheet", StringComparison.OrdinalIgnoreCase) && e.FullName.EndsWith(".xml", StringComparison.Ordinal))
                ?? zip.Entries[random.Next(zip.Entries.Count)];
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
                switch (random.Next(6))
                {
                    case 0:
                        text.Insert(at, "<c r=\"" + Fuzz.RandomUnicode(random, 4) + "\"><v>" + Fuzz.RandomNumberText(random) + "</v></c>");
                        break;
                    case 1:
                        text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(30)));
                        break;
                    case 2:
                        text.Insert(at, "<c r=\"XFD1048576\" t=\"s\"><v>99999</v></c>");
                        break;
                    case 3:
                        text.Insert(at, "<row r=\"" + random.Next(-5, int.MaxValue) + "\">");
                        break;
                    case 4:
                        text.Insert(at, Fuzz.RandomUnicode(random, 10));
                        break;
                    default:
                        text.Insert(at, "<c r=\"A2\" t=\"d\"><v>" + Fuzz.RandomNumberText(random) + "</v></c>");
                        break;
                }
            }

            using var writer = new StreamWriter(zip.CreateEntry(name).Open(), Encoding.UTF8);
            writer.Write(text.ToString());
        }

        return output.ToArray();
    }

    /// <summary>A zip of random entries (names that look like a workbook's, random bytes inside).</summary>
    private static byte[] RandomZip(Random random)
    {
        string[] names = ["[Content_Types].xml", "_rels/.rels", "xl/workbook.xml", "xl/_rels/workbook.xml.rels", "xl/worksheets/sheet1.xml", "xl/sharedStrings.xml", "xl/styles.xml"];
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var name in names.Where(_ => random.Next(3) > 0))
            {
                using var stream = zip.CreateEntry(name).Open();
                if (random.Next(2) == 0)
                {
                    var bytes = new byte[random.Next(2000)];
                    random.NextBytes(bytes);
                    stream.Write(bytes);
                }
                else
                {
                    stream.Write(Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><x>" + Fuzz.RandomUnicode(random, random.Next(100)).Replace("<", "", StringComparison.Ordinal) + "</x>"));
                }
            }
        }

        return output.ToArray();
    }
}
