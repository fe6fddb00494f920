namespace ParIndex.Documents.Signing;

/// <summary>
/// What the signer writes besides the signature: the reason and place shown by PDF readers, and
/// where the visible block goes on the last page (points from the page's lower-left corner; by
/// default a 230 x 62 pt block in the lower right, inside a 20 mm margin).
/// </summary>
public sealed record PdfSignatureOptions
{
    public string? Reason { get; init; }

    public string? Location { get; init; }

    public PdfSignatureRectangle? Rectangle { get; init; }

    /// <summary>The page of the visible block, from 0; null puts it on the last page.</summary>
    public int? PageIndex { get; init; }
}

/// <summary>A rectangle on the page in PDF points (1/72 inch), from the lower-left corner.</summary>
public readonly record struct PdfSignatureRectangle(double Left, double Bottom, double Width, double Height);
