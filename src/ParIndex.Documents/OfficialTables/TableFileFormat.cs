namespace ParIndex.Documents.OfficialTables;

/// <summary>The file formats an official table is written in.</summary>
public enum TableFileFormat
{
    Xlsx,
    Docx,
    Pdf,
}

/// <summary>Writes an official table in any <see cref="TableFileFormat"/>.</summary>
public static class OfficialTableWriter
{
    public static void Write(AssessmentTableDocument document, TableFileFormat format, Stream output)
    {
        switch (format)
        {
            case TableFileFormat.Xlsx:
                XlsxTableWriter.Write(document, output);
                break;
            case TableFileFormat.Docx:
                DocxTableWriter.Write(document, output);
                break;
            case TableFileFormat.Pdf:
                PdfTableWriter.Write(document, output);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown table file format.");
        }
    }

    /// <summary>Parses <c>xlsx</c>, <c>docx</c> or <c>pdf</c> (any case, with or without a leading dot).</summary>
    public static bool TryParseFormat(string? text, out TableFileFormat format)
    {
        format = default;
        return text is not null
            && text.Trim().TrimStart('.').All(char.IsAsciiLetter)
            && Enum.TryParse(text.Trim().TrimStart('.'), ignoreCase: true, out format)
            && Enum.IsDefined(format);
    }

    public static string Extension(TableFileFormat format) => "." + format.ToString().ToLowerInvariant();
}
