namespace ParIndex.Application.Problems;

/// <summary>
/// Copies an uploaded file into memory asynchronously (a request body allows no synchronous
/// reads), refusing it as soon as it passes its limit, before anything parses it.
/// </summary>
internal static class BoundedUpload
{
    public static async Task<MemoryStream> ReadAsync(Stream content, long maxBytes, Func<DomainException> tooLarge, CancellationToken cancellationToken)
    {
        var buffer = new MemoryStream();
        var chunk = new byte[81920];
        int read;
        while ((read = await content.ReadAsync(chunk, cancellationToken)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                await buffer.DisposeAsync();
                throw tooLarge();
            }

            buffer.Write(chunk, 0, read);
        }

        buffer.Position = 0;
        return buffer;
    }
}
