using System.Globalization;
using ParIndex.Core.Text;
using ParIndex.Documents.OfficialTables;

namespace ParIndex.Application.Documents;

/// <summary>File names and content types of the table downloads.</summary>
public static class TableDownloads
{
    public const string SelfAssessmentPrefix = "bieu-tu-danh-gia";

    public const string AppraisalPrefix = "bieu-tham-dinh";

    public const string ReportPrefix = "bao-cao-tu-danh-gia";

    public static string ContentType(TableFileFormat format) => format switch
    {
        TableFileFormat.Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        TableFileFormat.Docx => "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        TableFileFormat.Pdf => "application/pdf",
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown table file format."),
    };

    /// <summary><c>bieu-tu-danh-gia-tinh-bac-giang-2023.xlsx</c>: ASCII only, so every browser and mail client keeps it.</summary>
    public static string FileName(string prefix, string unitName, int year, TableFileFormat format) =>
        $"{prefix}-{Slug(unitName)}-{year.ToString(CultureInfo.InvariantCulture)}{OfficialTableWriter.Extension(format)}";

    /// <summary>"Tỉnh Bắc Giang" → "tinh-bac-giang" (<see cref="AsciiSlug"/>); "don-vi" when nothing is left.</summary>
    public static string Slug(string text)
    {
        var slug = AsciiSlug.Of(text);
        return slug.Length == 0 ? "don-vi" : slug;
    }
}
