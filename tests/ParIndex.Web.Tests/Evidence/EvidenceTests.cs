using System.Net;
using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using ParIndex.Web.Tests.Infrastructure;

namespace ParIndex.Web.Tests.Evidence;

/// <summary>Evidence upload: content checks, size limit, hashing, and no leftovers on failure.</summary>
public abstract class EvidenceTests<TApp>(TApp app) : IClassFixture<TApp> where TApp : AppFixture
{
    private async Task<HttpResponseMessage> UploadAsync(HttpClient client, int id, byte[] bytes, string name, string leaf = "1.2", bool withToken = true, string documentNumber = "41/KH-UBND")
    {
        using var content = new MultipartFormDataContent();
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/pdf");
        content.Add(file, "file", name);
        content.Add(new StringContent(leaf), "leafCodes");
        content.Add(new StringContent(documentNumber), "documentNumber");
        content.Add(new StringContent("15/03/2023"), "documentDate");
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri($"/api/assessments/{id}/evidence", UriKind.Relative)) { Content = content };
        if (withToken)
        {
            request.Headers.Add("X-XSRF-TOKEN", await AppFixture.ApiTokenAsync(client));
        }

        return await client.SendAsync(request);
    }

    private Task<int> RowsAsync() => app.WithDbAsync(db => db.EvidenceFiles.CountAsync());

    private int FilesOnDisk() => Directory.Exists(app.EvidenceFolder) ? Directory.GetFiles(app.EvidenceFolder).Length : 0;

    [Fact]
    public async Task A_pdf_is_stored_under_a_generated_name_with_its_hash_and_document_data()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.bacgiang");
        var bytes = TestFiles.Pdf(100);
        var response = await UploadAsync(editor, id, bytes, "../../Kế hoạch CCHC.pdf");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var evidence = await response.JsonAsync();
        Assert.Equal("Kế hoạch CCHC.pdf", evidence.GetProperty("fileName").GetString());
        Assert.Equal("application/pdf", evidence.GetProperty("contentType").GetString());
        Assert.Equal(Convert.ToHexStringLower(SHA256.HashData(bytes)), evidence.GetProperty("sha256").GetString());
        Assert.Equal("41/KH-UBND", evidence.GetProperty("documentNumber").GetString());
        Assert.Equal("2023-03-15", evidence.GetProperty("documentDate").GetString());
        Assert.Equal(bytes.Length, evidence.GetProperty("size").GetInt64());

        var stored = await app.WithDbAsync(db => db.EvidenceFiles.SingleAsync(f => f.Id == evidence.GetProperty("id").GetGuid()));
        Assert.DoesNotContain("Kế hoạch", stored.StorageName, StringComparison.Ordinal);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(Path.Combine(app.EvidenceFolder, stored.StorageName)));
        var leaf = (await editor.GetAssessmentAsync(id)).Leaf("1.2");
        Assert.Contains(leaf.GetProperty("evidence").EnumerateArray(), e => e.GetProperty("id").GetGuid() == stored.Id);

        // Deleted while the assessment is a draft: the row and the file go.
        var deleted = await editor.DeleteAsync(new Uri($"/api/assessments/{id}/evidence/{stored.Id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.False(File.Exists(Path.Combine(app.EvidenceFolder, stored.StorageName)));
    }

    [Fact]
    public async Task Office_documents_and_images_are_recognised_by_content()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.bacgiang");
        var docx = await UploadAsync(editor, id, TestFiles.Docx(), "bao-cao.pdf");
        Assert.Equal(HttpStatusCode.Created, docx.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.wordprocessingml.document", (await docx.JsonAsync()).GetProperty("contentType").GetString());
        var png = await UploadAsync(editor, id, TestFiles.Png(), "anh.png");
        Assert.Equal("image/png", (await png.JsonAsync()).GetProperty("contentType").GetString());
    }

    [Theory]
    [InlineData("exe")]
    [InlineData("zip")]
    [InlineData("text")]
    public async Task A_file_of_another_type_gets_415_and_leaves_no_file_and_no_row(string kind)
    {
        var id = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.bacgiang");
        var rows = await RowsAsync();
        var files = FilesOnDisk();
        var bytes = kind switch
        {
            "exe" => TestFiles.Executable(),
            "zip" => TestFiles.PlainZip(),
            _ => "<script>alert(1)</script>"u8.ToArray(),
        };
        var response = await UploadAsync(editor, id, bytes, "tai-lieu.pdf");
        var detail = await response.AssertProblemAsync(HttpStatusCode.UnsupportedMediaType);
        Assert.Contains("PDF", detail, StringComparison.Ordinal);
        Assert.Equal(rows, await RowsAsync());
        Assert.Equal(files, FilesOnDisk());
    }

    [Fact]
    public async Task An_oversize_file_gets_413_and_leaves_no_file_and_no_row()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.bacgiang");
        var rows = await RowsAsync();
        var files = FilesOnDisk();
        var response = await UploadAsync(editor, id, TestFiles.Pdf((int)AppFixture.MaxEvidenceBytes + 1), "lon.pdf");
        var detail = await response.AssertProblemAsync(HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("MB", detail, StringComparison.Ordinal);
        Assert.Equal(rows, await RowsAsync());
        Assert.Equal(files, FilesOnDisk());
    }

    [Fact]
    public async Task An_upload_without_the_antiforgery_token_is_refused()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.bacgiang");
        var rows = await RowsAsync();
        var response = await UploadAsync(editor, id, TestFiles.Pdf(), "a.pdf", withToken: false);
        await response.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.Equal(rows, await RowsAsync());
    }

    [Fact]
    public async Task Appraisers_and_other_units_cannot_upload()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var appraiser = await app.LoginAsync("appraiser");
        await (await UploadAsync(appraiser, id, TestFiles.Pdf(), "a.pdf")).AssertProblemAsync(HttpStatusCode.Forbidden);
        using var justice = await app.LoginAsync("editor.stp");
        await (await UploadAsync(justice, id, TestFiles.Pdf(), "a.pdf", leaf: "1.1")).AssertProblemAsync(HttpStatusCode.Forbidden);
        Assert.Equal(HttpStatusCode.Created, (await UploadAsync(justice, id, TestFiles.Pdf(), "a.pdf", leaf: "2.3")).StatusCode);
    }

    [Fact]
    public async Task The_stored_name_takes_the_extension_of_the_detected_type_and_loses_bidi_controls()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.bacgiang");

        // A PDF signature in a file named .html: a browser or a desktop must not open it as HTML.
        var polyglot = await UploadAsync(editor, id, TestFiles.Pdf(), "poly.html");
        Assert.Equal(HttpStatusCode.Created, polyglot.StatusCode);
        var evidence = await polyglot.JsonAsync();
        Assert.Equal("poly.html.pdf", evidence.GetProperty("fileName").GetString());
        var download = await editor.GetAsync(new Uri($"/api/assessments/{id}/evidence/{evidence.GetProperty("id").GetGuid()}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal("application/pdf", download.Content.Headers.ContentType?.MediaType);
        Assert.EndsWith(".pdf", download.Content.Headers.ContentDisposition?.FileNameStar ?? download.Content.Headers.ContentDisposition?.FileName, StringComparison.Ordinal);

        // A right-to-left override (U+202E) would show "gnp.exe" reversed, as if the name ended in .png: it goes.
        var disguised = await UploadAsync(editor, id, TestFiles.Png(), "báo cáo\u202Egnp.exe");
        Assert.Equal(HttpStatusCode.Created, disguised.StatusCode);
        Assert.Equal("báo cáognp.exe.png", (await disguised.JsonAsync()).GetProperty("fileName").GetString());

        // An upper-case or alternative extension of the right type is kept as it is.
        Assert.Equal("Ảnh.JPEG", (await (await UploadAsync(editor, id, [0xFF, 0xD8, 0xFF, 0xE0, 0, 0x10], "Ảnh.JPEG")).JsonAsync()).GetProperty("fileName").GetString());
    }

    [Fact]
    public async Task A_long_name_is_cut_between_whole_characters_and_a_NUL_in_the_document_number_is_removed()
    {
        var id = await app.AssessmentIdAsync("BG");
        using var editor = await app.LoginAsync("editor.bacgiang");
        // 150 emoji (two UTF-16 units each) and one letter: any cut at 200 units from either end fell inside a pair.
        var name = string.Concat(Enumerable.Repeat("\U0001F600", 150)) + "x.pdf";
        var response = await UploadAsync(editor, id, TestFiles.Pdf(), name, documentNumber: "41/KH\u0000-UBND");
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var evidence = await response.JsonAsync();
        var stored = await app.WithDbAsync(db => db.EvidenceFiles.SingleAsync(f => f.Id == evidence.GetProperty("id").GetGuid()));
        Assert.Equal("41/KH-UBND", stored.DocumentNumber);
        Assert.True(stored.FileName.Length <= 200, stored.FileName);
        Assert.EndsWith(".pdf", stored.FileName, StringComparison.Ordinal);
        Assert.Equal(string.Concat(Enumerable.Repeat("\U0001F600", 98)) + ".pdf", stored.FileName);

        var tooLong = await UploadAsync(editor, id, TestFiles.Pdf(), "a.pdf", documentNumber: new string('9', 101));
        await tooLong.AssertProblemAsync(HttpStatusCode.BadRequest);
        Assert.True((await tooLong.JsonAsync()).GetProperty("errors").TryGetProperty("documentNumber", out _));
    }
}

public sealed class EvidenceTestsOnSqlite(SqliteAppFixture app) : EvidenceTests<SqliteAppFixture>(app);

public sealed class EvidenceTestsOnPostgres(PostgresAppFixture app) : EvidenceTests<PostgresAppFixture>(app);
