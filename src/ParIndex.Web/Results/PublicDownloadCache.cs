using Microsoft.Extensions.Caching.Memory;
using ParIndex.Application.Results;

namespace ParIndex.Web.Results;

/// <summary>
/// The public results downloads of a stored snapshot, built once per snapshot and format and kept in
/// memory (at most <see cref="SizeLimit"/> bytes in all): a national xlsx takes seconds to write, and
/// an anonymous download must not cost that on every request. One build at a time; the others wait
/// for it and are served from the cache.
/// </summary>
public sealed class PublicDownloadCache : IDisposable
{
    public const long SizeLimit = 128L * 1024 * 1024;

    private readonly MemoryCache cache = new(new MemoryCacheOptions { SizeLimit = SizeLimit });
    private readonly SemaphoreSlim building = new(1, 1);

    public sealed record Download(byte[] Content, string ContentType, string FileName);

    public async Task<Download> GetAsync(int campaignId, ResultsExportFormat format, ResultSnapshotService snapshots, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(snapshots);
        var header = await snapshots.HeaderAsync(campaignId, cancellationToken);
        var key = (header.ETag, format);
        if (cache.TryGetValue(key, out Download? hit))
        {
            return hit!;
        }

        await building.WaitAsync(cancellationToken);
        try
        {
            if (cache.TryGetValue(key, out hit))
            {
                return hit!;
            }

            var (document, _) = await snapshots.ExportDocumentAsync(campaignId, cancellationToken);
            using var output = new MemoryStream();
            ResultsExport.Write(document, format, output);
            var download = new Download(output.ToArray(), ResultsExport.ContentType(format), ResultsExport.FileName(document, format));
            cache.Set(key, download, new MemoryCacheEntryOptions { Size = download.Content.Length, SlidingExpiration = TimeSpan.FromHours(1) });
            return download;
        }
        finally
        {
            building.Release();
        }
    }

    public void Dispose()
    {
        cache.Dispose();
        building.Dispose();
    }
}
