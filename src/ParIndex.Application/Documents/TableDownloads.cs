using System.Globalization;
using System.Text;
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

    /// <summary>"Tỉnh Bắc Giang" → "tinh-bac-giang" (diacritics dropped, đ → d).</summary>
    public static string Slug(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text.Replace('đ', 'd').Replace('Đ', 'D').Normalize(NormalizationForm.FormD))
        {
            if (char.IsAsciiLetterOrDigit(c))
            {
                builder.Append(char.ToLowerInvariant(c));
            }
            else if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark && builder.Length > 0 && builder[^1] != '-')
            {
                builder.Append('-');
            }
        }

        var slug = builder.ToString().Trim('-');
        return slug.Length == 0 ? "don-vi" : slug;
    }
}
