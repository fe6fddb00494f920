using ParIndex.Core.OfficialTables;

namespace ParIndex.Documents.OfficialTables;

/// <summary>Reads a table file into memory up to a size limit, refusing a larger one before it is all read.</summary>
internal static class TableFileBytes
{
    /// <exception cref="OfficialTableFormatException">The file is larger than <paramref name="maxBytes"/>.</exception>
    public static MemoryStream ReadAll(Stream stream, int maxBytes)
    {
        var copy = new MemoryStream();
        var buffer = new byte[81920];
        int read;
        while ((read = stream.Read(buffer)) > 0)
        {
            copy.Write(buffer, 0, read);
            if (copy.Length > maxBytes)
            {
                copy.Dispose();
                throw new OfficialTableFormatException(1, $"tệp lớn hơn {maxBytes / (1024 * 1024)} MB, không phải một biểu tự đánh giá (file too large).");
            }
        }

        copy.Position = 0;
        return copy;
    }
}
