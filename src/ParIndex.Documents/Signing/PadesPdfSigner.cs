using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Core;
using UglyToad.PdfPig.Tokens;
using UglyToad.PdfPig.Writer;

namespace ParIndex.Documents.Signing;

/// <summary>
/// Signs a PDF as PAdES baseline B-B (SubFilter ETSI.CAdES.detached, SHA-256, signing-certificate-v2,
/// signing time in /M) with a visible signature on the last page. The signature is appended as an
/// incremental update: the original bytes stay as they were, so the unsigned document can be
/// recovered and earlier signatures stay valid (ADR 0118).
/// </summary>
public sealed class PadesPdfSigner
{
    /// <summary>The largest PDF this signs; the reports ParIndex writes are well under it.</summary>
    public const int MaxPdfBytes = 50 * 1024 * 1024;

    /// <summary>Vietnam keeps UTC+7 all year; the signing time is shown and stored in it.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    private const int ByteRangeWidth = 40;
    private readonly TimeProvider _clock;

    public PadesPdfSigner(TimeProvider clock)
    {
        _clock = clock;
    }

    public byte[] Sign(byte[] pdf, IPdfSigner signer, PdfSignatureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(signer);
        options ??= new PdfSignatureOptions();
        if (pdf.Length == 0 || pdf.Length > MaxPdfBytes)
        {
            throw new PdfSignatureException(
                $"Tệp PDF cần ký phải có dung lượng từ 1 byte đến {MaxPdfBytes / (1024 * 1024)} MiB.",
                $"The PDF to sign must be between 1 byte and {MaxPdfBytes / (1024 * 1024)} MiB.");
        }

        if (signer.CertificateChain.Count == 0)
        {
            throw new PdfSignatureException("Không có chứng thư số để ký.", "The signer has no certificate.");
        }

        var signingTime = _clock.GetUtcNow().ToOffset(VietnamOffset);
        signingTime = signingTime.AddTicks(-(signingTime.Ticks % TimeSpan.TicksPerSecond));
        var update = BuildUpdate(pdf, signer, options, signingTime);
        var signed = new byte[pdf.Length + update.Bytes.Length];
        pdf.CopyTo(signed, 0);
        update.Bytes.CopyTo(signed, pdf.Length);

        var contentsStart = pdf.Length + update.ContentsOffset;
        var contentsEnd = contentsStart + update.ContentsLength;
        var byteRange = $"[0 {contentsStart} {contentsEnd} {signed.Length - contentsEnd}]".PadRight(ByteRangeWidth);
        Encoding.ASCII.GetBytes(byteRange).CopyTo(signed, pdf.Length + update.ByteRangeOffset);

        var covered = new byte[signed.Length - update.ContentsLength];
        signed.AsSpan(0, contentsStart).CopyTo(covered);
        signed.AsSpan(contentsEnd).CopyTo(covered.AsSpan(contentsStart));
        var cms = CadesSignatureBuilder.Sign(covered, signer);
        var hex = Encoding.ASCII.GetBytes(Convert.ToHexString(cms));
        if (hex.Length > update.ContentsLength - 2)
        {
            throw new PdfSignatureException(
                "Chữ ký số lớn hơn chỗ dành cho nó trong tệp PDF.",
                $"The CMS signature ({cms.Length} bytes) does not fit the space reserved for it.");
        }

        hex.CopyTo(signed, contentsStart + 1);
        return signed;
    }

    private static Update BuildUpdate(byte[] pdf, IPdfSigner signer, PdfSignatureOptions options, DateTimeOffset signingTime)
    {
        using var document = Open(pdf);
        var trailer = document.Structure.Trailer;
        var catalogRef = trailer.Root;
        var catalog = document.Structure.Catalog.CatalogDictionary;
        var (pageRef, page) = options.PageIndex is { } index ? PageAt(document, catalog, index) : LastPage(document, catalog);
        var mediaBox = MediaBoxOf(document, page);
        var rectangle = options.Rectangle ?? new PdfSignatureRectangle(mediaBox.Right - 56.7 - 230, mediaBox.Bottom + 56.7, 230, 62);

        var nextNumber = Math.Max(trailer.Size, document.Structure.CrossReferenceTable.ObjectOffsets.Keys.Select(k => k.ObjectNumber + 1).DefaultIfEmpty(1).Max());
        long Allocate() => nextNumber++;
        var sigRef = new IndirectReference(Allocate(), 0);
        var fieldRef = new IndirectReference(Allocate(), 0);
        var appearanceRef = new IndirectReference(Allocate(), 0);

        var certificate = signer.CertificateChain[0];
        var name = SignatureAppearance.CommonNameOf(certificate);
        using var writer = new UpdateWriter(pdf);

        // The signature dictionary is written by hand: the signer fills /ByteRange and /Contents in place afterwards.
        var reserved = 8192 + signer.CertificateChain.Sum(c => c.RawData.Length);
        writer.BeginObject(sigRef);
        writer.Raw("<</Type/Sig/Filter/Adobe.PPKLite/SubFilter/ETSI.CAdES.detached/ByteRange");
        var byteRangeOffset = writer.Position;
        writer.Raw(new string(' ', ByteRangeWidth));
        writer.Raw("/Contents");
        var contentsOffset = writer.Position;
        writer.Raw("<" + new string('0', reserved * 2) + ">");
        writer.Raw("/M" + PdfTokens.TextString(PdfTokens.Date(signingTime)) + "/Name" + PdfTokens.TextString(name));
        if (!string.IsNullOrWhiteSpace(options.Reason))
        {
            writer.Raw("/Reason" + PdfTokens.TextString(options.Reason));
        }

        if (!string.IsNullOrWhiteSpace(options.Location))
        {
            writer.Raw("/Location" + PdfTokens.TextString(options.Location));
        }

        writer.Raw(">>");
        writer.EndObject();

        var (acroFormRef, acroForm) = AcroFormOf(document, catalog);
        var fields = acroForm is null ? [] : (PdfTokens.Get<ArrayToken>(document, acroForm, "Fields")?.Data ?? []);
        var fieldName = "Signature" + (CountSignatureFields(document, fields) + 1).ToString(CultureInfo.InvariantCulture);
        writer.Raw($"{fieldRef.ObjectNumber} 0 obj\n<</Type/Annot/Subtype/Widget/FT/Sig/T{PdfTokens.TextString(fieldName)}/F 132"
            + $"/V {sigRef.ObjectNumber} 0 R/P {pageRef.ObjectNumber} {pageRef.Generation} R"
            + $"/Rect[{Number(rectangle.Left)} {Number(rectangle.Bottom)} {Number(rectangle.Left + rectangle.Width)} {Number(rectangle.Bottom + rectangle.Height)}]"
            + $"/AP<</N {appearanceRef.ObjectNumber} 0 R>>>>\nendobj\n", fieldRef);

        WriteAppearance(writer, appearanceRef, rectangle, SignatureAppearance.LinesFor(certificate, signingTime), Allocate);

        // The last page lists the new widget among its annotations.
        var annots = PdfTokens.Get<ArrayToken>(document, page, "Annots")?.Data ?? [];
        writer.Object(pageRef, page.With("Annots", new ArrayToken([.. annots, new IndirectReferenceToken(fieldRef)])));

        // The form lists the new field; SigFlags 3 = signatures exist, append only.
        var newForm = (acroForm ?? new DictionaryToken(new Dictionary<NameToken, IToken>()))
            .With("Fields", new ArrayToken([.. fields, new IndirectReferenceToken(fieldRef)]))
            .With("SigFlags", new NumericToken(3));
        if (acroFormRef is { } formRef)
        {
            writer.Object(formRef, newForm);
        }
        else
        {
            writer.Object(catalogRef, catalog.With("AcroForm", newForm));
        }

        var previousXref = PreviousXref(pdf);
        var previousIsStream = !pdf.AsSpan((int)previousXref).TrimStart(" \t\r\n\f\0"u8).StartsWith("xref"u8);
        writer.Trailer(document, Allocate, () => nextNumber, previousXref, previousIsStream);
        return new Update(writer.ToArray(), byteRangeOffset, contentsOffset, reserved * 2 + 2);
    }

    private static PdfDocument Open(byte[] pdf)
    {
        if (!PdfSignatureVerifier.LooksLikePdf(pdf))
        {
            throw new PdfSignatureException("Tệp cần ký không phải là PDF.", "The file to sign is not a PDF.");
        }

        PdfDocument document;
        try
        {
            document = PdfDocument.Open(pdf);
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new PdfSignatureException("Tệp PDF bị hỏng, không đọc được để ký.", "The PDF is damaged and cannot be read for signing.", ex);
        }

        if (document.IsEncrypted)
        {
            document.Dispose();
            throw new PdfSignatureException("Tệp PDF được mã hóa; hãy gỡ mật khẩu trước khi ký.", "The PDF is encrypted.");
        }

        return document;
    }

    private static (IndirectReference Reference, DictionaryToken Page) LastPage(PdfDocument document, DictionaryToken catalog)
    {
        if (!catalog.Data.TryGetValue("Pages", out var node) || node is not IndirectReferenceToken reference)
        {
            throw Damaged("the catalog has no page tree");
        }

        // Walk down the last kid at every level; the depth bound stops a page tree that loops.
        for (var depth = 0; depth < 64; depth++)
        {
            var dictionary = PdfTokens.Resolve(document, reference) as DictionaryToken ?? throw Damaged("a page tree node is not a dictionary");
            var kids = PdfTokens.Get<ArrayToken>(document, dictionary, "Kids");
            if (kids is null)
            {
                return (reference.Data, dictionary);
            }

            reference = (kids.Length > 0 ? kids.Data[kids.Length - 1] : null) as IndirectReferenceToken ?? throw Damaged("the page tree has an empty or direct kid");
        }

        throw Damaged("the page tree is too deep");
    }

    /// <summary>The page numbered <paramref name="index"/> from 0, found through the page tree's /Count.</summary>
    private static (IndirectReference Reference, DictionaryToken Page) PageAt(PdfDocument document, DictionaryToken catalog, int index)
    {
        if (index < 0 || index >= document.NumberOfPages)
        {
            throw new PdfSignatureException(
                $"Tài liệu không có trang {index + 1} để đặt chữ ký.",
                $"The document has no page {index + 1} for the signature.");
        }

        if (!catalog.Data.TryGetValue("Pages", out var node) || node is not IndirectReferenceToken reference)
        {
            throw Damaged("the catalog has no page tree");
        }

        var remaining = index;
        for (var depth = 0; depth < 64; depth++)
        {
            var dictionary = PdfTokens.Resolve(document, reference) as DictionaryToken ?? throw Damaged("a page tree node is not a dictionary");
            var kids = PdfTokens.Get<ArrayToken>(document, dictionary, "Kids");
            if (kids is null)
            {
                return (reference.Data, dictionary);
            }

            IndirectReferenceToken? next = null;
            foreach (var kid in kids.Data)
            {
                var kidDictionary = PdfTokens.Resolve(document, kid) as DictionaryToken ?? throw Damaged("a page tree node is not a dictionary");
                var count = PdfTokens.Get<ArrayToken>(document, kidDictionary, "Kids") is null
                    ? 1
                    : PdfTokens.Get<NumericToken>(document, kidDictionary, "Count")?.Int ?? throw Damaged("a page tree node has no /Count");
                if (remaining < count)
                {
                    next = kid as IndirectReferenceToken ?? throw Damaged("the page tree has a direct kid");
                    break;
                }

                remaining -= count;
            }

            reference = next ?? throw Damaged("the page tree counts fewer pages than the document");
        }

        throw Damaged("the page tree is too deep");
    }

    private static PdfRectangle MediaBoxOf(PdfDocument document, DictionaryToken page)
    {
        // MediaBox is inheritable: look up the parents too.
        var node = page;
        for (var depth = 0; depth < 64 && node is not null; depth++)
        {
            if (PdfTokens.Get<ArrayToken>(document, node, "MediaBox") is { Length: 4 } box && box.Data.All(t => t is NumericToken))
            {
                var n = box.Data.Cast<NumericToken>().Select(t => t.Double).ToArray();
                return new PdfRectangle(Math.Min(n[0], n[2]), Math.Min(n[1], n[3]), Math.Max(n[0], n[2]), Math.Max(n[1], n[3]));
            }

            node = PdfTokens.Get<DictionaryToken>(document, node, "Parent");
        }

        return new PdfRectangle(0, 0, 595.28, 841.89);
    }

    private static (IndirectReference? Reference, DictionaryToken? Form) AcroFormOf(PdfDocument document, DictionaryToken catalog)
    {
        if (!catalog.Data.TryGetValue("AcroForm", out var token))
        {
            return (null, null);
        }

        var form = PdfTokens.Resolve(document, token) as DictionaryToken;
        return (token is IndirectReferenceToken r && form is not null ? r.Data : null, form);
    }

    private static int CountSignatureFields(PdfDocument document, IReadOnlyList<IToken> fields) =>
        fields.Count(f => PdfTokens.Resolve(document, f) is DictionaryToken d && PdfTokens.Text(document, d, "FT") == "Sig");

    private static void WriteAppearance(UpdateWriter writer, IndirectReference appearanceRef, PdfSignatureRectangle rectangle, IReadOnlyList<string> lines, Func<long> allocate)
    {
        var rendered = SignatureAppearance.Render(rectangle.Width, rectangle.Height, lines);
        using var source = PdfDocument.Open(rendered);
        var copier = new ObjectCopier(source, allocate);
        var page = source.Structure.Catalog.CatalogDictionary is { } catalog
            ? LastPage(source, catalog).Page
            : throw new InvalidOperationException("The appearance PDF has no catalog.");
        var contents = PdfTokens.Resolve(source, page.Data["Contents"]) switch
        {
            StreamToken s => [s],
            ArrayToken a => a.Data.Select(t => PdfTokens.Resolve(source, t)).OfType<StreamToken>().ToList(),
            _ => throw new InvalidOperationException("The appearance PDF has no page content."),
        };
        if (contents.Any(c => c.StreamDictionary.ContainsKey(NameToken.Filter)))
        {
            throw new InvalidOperationException("The appearance content was compressed although compression was turned off.");
        }

        var data = contents.SelectMany(c => c.Data.ToArray().Append((byte)'\n')).ToArray();
        var form = new Dictionary<NameToken, IToken>
        {
            [NameToken.Type] = NameToken.Xobject,
            [NameToken.Subtype] = NameToken.Form,
            [NameToken.Bbox] = new ArrayToken([new NumericToken(0), new NumericToken(0), new NumericToken(rectangle.Width), new NumericToken(rectangle.Height)]),
            [NameToken.Resources] = copier.Copy(page.Data["Resources"]),
            [NameToken.Length] = new NumericToken(data.Length),
        };
        writer.Stream(appearanceRef, new DictionaryToken(form), data);
        copier.WriteCopies(writer);
    }

    private static long PreviousXref(byte[] pdf)
    {
        var tail = Encoding.ASCII.GetString(pdf, Math.Max(0, pdf.Length - 2048), Math.Min(2048, pdf.Length));
        var at = tail.LastIndexOf("startxref", StringComparison.Ordinal);
        if (at >= 0)
        {
            var digits = new string(tail[(at + 9)..].SkipWhile(char.IsWhiteSpace).TakeWhile(char.IsAsciiDigit).ToArray());
            if (long.TryParse(digits, NumberStyles.None, CultureInfo.InvariantCulture, out var offset) && offset < pdf.Length)
            {
                return offset;
            }
        }

        throw Damaged("no startxref at the end of the file");
    }

    private static PdfSignatureException Damaged(string english) =>
        new("Tệp PDF bị hỏng, không ký được (cấu trúc tệp không hợp lệ).", "The PDF cannot be signed: " + english + ".");

    private static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    private sealed record Update(byte[] Bytes, int ByteRangeOffset, int ContentsOffset, int ContentsLength);

    /// <summary>Copies objects of the appearance PDF into the update under new object numbers.</summary>
    private sealed class ObjectCopier(PdfDocument source, Func<long> allocate)
    {
        private const int MaxObjects = 500;
        private readonly Dictionary<IndirectReference, IndirectReference> _numbers = [];
        private readonly Queue<IndirectReference> _pending = new();

        public IToken Copy(IToken token) => token switch
        {
            IndirectReferenceToken reference => new IndirectReferenceToken(NumberOf(reference.Data)),
            DictionaryToken dictionary => new DictionaryToken(dictionary.Data.ToDictionary(kv => NameToken.Create(kv.Key), kv => Copy(kv.Value))),
            ArrayToken array => new ArrayToken(array.Data.Select(Copy).ToList()),
            _ => token,
        };

        public void WriteCopies(UpdateWriter writer)
        {
            while (_pending.TryDequeue(out var original))
            {
                var target = _numbers[original];
                switch (source.Structure.GetObject(original)?.Data)
                {
                    case StreamToken stream:
                        var dictionary = (DictionaryToken)Copy(stream.StreamDictionary);
                        writer.Stream(target, dictionary.With(NameToken.Length, new NumericToken(stream.Data.Length)), stream.Data.ToArray());
                        break;
                    case { } value:
                        writer.Object(target, Copy(value));
                        break;
                    default:
                        writer.Object(target, NullToken.Instance);
                        break;
                }
            }
        }

        private IndirectReference NumberOf(IndirectReference original)
        {
            if (!_numbers.TryGetValue(original, out var target))
            {
                if (_numbers.Count >= MaxObjects)
                {
                    throw new InvalidOperationException("The appearance PDF has too many objects.");
                }

                target = new IndirectReference(allocate(), 0);
                _numbers[original] = target;
                _pending.Enqueue(original);
            }

            return target;
        }
    }

    /// <summary>Writes the objects of one incremental update and its cross-reference section.</summary>
    private sealed class UpdateWriter : IDisposable
    {
        private readonly MemoryStream _output = new();
        private readonly SortedDictionary<long, (int Generation, long Offset)> _offsets = [];
        private readonly long _base;

        public UpdateWriter(byte[] original)
        {
            _base = original.Length;
            // The update must start on a line of its own.
            if (original[^1] is not ((byte)'\n' or (byte)'\r'))
            {
                Raw("\n");
            }
        }

        public int Position => (int)_output.Position;

        public void Raw(string text) => _output.Write(Encoding.Latin1.GetBytes(text));

        public void Raw(string text, IndirectReference startsObject)
        {
            _offsets[startsObject.ObjectNumber] = (startsObject.Generation, _base + _output.Position);
            Raw(text);
        }

        public void BeginObject(IndirectReference reference)
        {
            _offsets[reference.ObjectNumber] = (reference.Generation, _base + _output.Position);
            Raw($"{reference.ObjectNumber} {reference.Generation} obj\n");
        }

        public void EndObject() => Raw("\nendobj\n");

        public void Object(IndirectReference reference, IToken value)
        {
            BeginObject(reference);
            TokenWriter.Instance.WriteToken(value, _output);
            EndObject();
        }

        public void Stream(IndirectReference reference, DictionaryToken dictionary, byte[] data)
        {
            BeginObject(reference);
            TokenWriter.Instance.WriteToken(dictionary.With(NameToken.Length, new NumericToken(data.Length)), _output);
            Raw("\nstream\n");
            _output.Write(data);
            Raw("\nendstream");
            EndObject();
        }

        /// <summary>
        /// Ends the update with its cross-reference section: a table after a table, a stream after a
        /// stream (a file that uses cross-reference streams keeps using them, ISO 32000-1 7.5.8.4).
        /// </summary>
        public void Trailer(PdfDocument document, Func<long> allocate, Func<long> size, long previousXref, bool previousIsStream)
        {
            var trailer = document.Structure.Trailer;
            var keys = new StringBuilder();
            keys.Append(CultureInfo.InvariantCulture, $"/Root {trailer.Root.ObjectNumber} {trailer.Root.Generation} R");
            if (trailer.Info is IndirectReferenceToken { Data: var info })
            {
                keys.Append(CultureInfo.InvariantCulture, $"/Info {info.ObjectNumber} {info.Generation} R");
            }

            // The first ID stays (same document); the second changes with every update.
            var first = (trailer.Identifier is { Count: > 0 } ids ? ids[0] : null) switch
            {
                HexToken h => Convert.ToHexString(h.Bytes),
                StringToken s => Convert.ToHexString(s.GetBytes()),
                _ => null,
            };
            var changed = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
            keys.Append(CultureInfo.InvariantCulture, $"/ID[<{first ?? changed}><{changed}>]/Prev {previousXref}");

            var xrefOffset = _base + _output.Position;
            if (previousIsStream)
            {
                var self = allocate();
                _offsets[self] = (0, xrefOffset);
                var index = new StringBuilder();
                using var data = new MemoryStream();
                foreach (var (start, run) in Runs())
                {
                    index.Append(CultureInfo.InvariantCulture, $"{start} {run} ");
                    for (var number = start; number < start + run; number++)
                    {
                        var (generation, offset) = _offsets[number];
                        // W [1 4 2]: type 1 (in use), 4-byte offset, 2-byte generation, big-endian.
                        data.Write([1, (byte)(offset >> 24), (byte)(offset >> 16), (byte)(offset >> 8), (byte)offset, (byte)(generation >> 8), (byte)generation]);
                    }
                }

                Raw($"{self} 0 obj\n<</Type/XRef/Size {size()}{keys}/W[1 4 2]/Index[{index.ToString().TrimEnd()}]/Length {data.Length}>>\nstream\n");
                _output.Write(data.ToArray());
                Raw($"\nendstream\nendobj\nstartxref\n{xrefOffset}\n%%EOF\n");
                return;
            }

            var table = new StringBuilder("xref\n");
            foreach (var (start, run) in Runs())
            {
                table.Append(CultureInfo.InvariantCulture, $"{start} {run}\n");
                for (var number = start; number < start + run; number++)
                {
                    var (generation, offset) = _offsets[number];
                    table.Append(CultureInfo.InvariantCulture, $"{offset:D10} {generation:D5} n\r\n");
                }
            }

            table.Append(CultureInfo.InvariantCulture, $"trailer\n<</Size {size()}{keys}>>\nstartxref\n{xrefOffset}\n%%EOF\n");
            Raw(table.ToString());
        }

        // Consecutive object numbers, as (first, count) subsections.
        private IEnumerable<(long Start, int Run)> Runs()
        {
            var numbers = _offsets.Keys.ToList();
            for (var i = 0; i < numbers.Count;)
            {
                var run = 1;
                while (i + run < numbers.Count && numbers[i + run] == numbers[i] + run)
                {
                    run++;
                }

                yield return (numbers[i], run);
                i += run;
            }
        }

        public byte[] ToArray() => _output.ToArray();

        public void Dispose() => _output.Dispose();
    }
}
