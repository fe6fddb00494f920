using System.Globalization;
using System.Text;
using BenchmarkDotNet.Attributes;
using ParIndex.Core.OfficialTables;
using ParIndex.Documents.OfficialTables;

namespace ParIndex.Benchmarks.Documents;

/// <summary>
/// Time to write the seed's official table (133 rows) as xlsx, docx and pdf, against writing the
/// same rows as CSV in the same run (the baseline: the cheapest honest export of the same data).
/// Run: dotnet run -c Release --project bench/ParIndex.Benchmarks -- --filter '*TableWriter*' --job short
/// </summary>
[MemoryDiagnoser]
public class TableWriterBenchmarks
{
    private AssessmentTableDocument _document = null!;

    [GlobalSetup]
    public void Setup()
    {
        var path = Path.Combine(AppContext.BaseDirectory, "samples", "bac-giang-2023-self-assessment.txt");
        using var stream = File.OpenRead(path);
        _document = AssessmentTableDocumentFactory.FromOfficialTable(OfficialTableTextReader.Read(stream));
        // Fonts and the PDF font resolver are loaded once per process; keep that out of the measurement.
        PdfTableWriter.Write(_document, Stream.Null);
    }

    [Benchmark(Baseline = true)]
    public long Csv()
    {
        using var output = new MemoryStream();
        using (var writer = new StreamWriter(output, new UTF8Encoding(true), leaveOpen: true))
        {
            writer.WriteLine("STT,Lĩnh vực/Tiêu chí/Tiêu chí thành phần,Điểm chuẩn,Điểm tự đánh giá,Giải trình");
            foreach (var row in _document.Rows)
            {
                writer.Write(Quote(row.Code));
                writer.Write(',');
                writer.Write(Quote(row.Title));
                writer.Write(',');
                writer.Write(row.Max.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.Write(row.SelfScore?.ToString(CultureInfo.InvariantCulture));
                writer.Write(',');
                writer.WriteLine(Quote(row.Explanation));
            }
        }

        return output.Length;
    }

    [Benchmark]
    public long Xlsx() => Write(TableFileFormat.Xlsx);

    [Benchmark]
    public long Docx() => Write(TableFileFormat.Docx);

    [Benchmark]
    public long Pdf() => Write(TableFileFormat.Pdf);

    private long Write(TableFileFormat format)
    {
        using var output = new MemoryStream();
        OfficialTableWriter.Write(_document, format, output);
        return output.Length;
    }

    private static string Quote(string text) =>
        text.AsSpan().IndexOfAny(",\"\n\r") < 0 ? text : "\"" + text.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
