using AngleSharp.Html.Parser;

namespace ParIndex.Web.Tests.Signing;

/// <summary>Posts a server-rendered form as the browser would: its inputs (handler and token included) with some values replaced.</summary>
internal static class PageForms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string path, string formSelector, IReadOnlyDictionary<string, string> values,
        (string Name, string FileName, byte[] Bytes)? file = null, string? submitName = null, string? submitValue = null)
    {
        var html = await client.GetStringAsync(new Uri(path, UriKind.Relative));
        var form = new HtmlParser().ParseDocument(html).QuerySelector(formSelector) ?? throw new InvalidOperationException($"No form {formSelector} on {path}.");
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var element in form.QuerySelectorAll("input[name], textarea[name], select[name]"))
        {
            if (element.GetAttribute("type") is "file" or "submit")
            {
                continue;
            }

            fields[element.GetAttribute("name")!] = element.LocalName switch
            {
                "textarea" => element.TextContent,
                "select" => (element.QuerySelector("option[selected]") ?? element.QuerySelector("option"))?.GetAttribute("value") ?? "",
                _ => element.GetAttribute("value") ?? "",
            };
        }

        foreach (var (name, value) in values)
        {
            fields[name] = value;
        }

        if (submitName is not null)
        {
            fields[submitName] = submitValue ?? "";
        }

        var action = form.GetAttribute("action") is { Length: > 0 } a ? a : path;
        if (file is { } f)
        {
            using var multipart = new MultipartFormDataContent();
            foreach (var (name, value) in fields)
            {
                multipart.Add(new StringContent(value), name);
            }

            multipart.Add(new ByteArrayContent(f.Bytes), f.Name, f.FileName);
            return await client.PostAsync(new Uri(action, UriKind.Relative), multipart);
        }

        using var content = new FormUrlEncodedContent(fields);
        return await client.PostAsync(new Uri(action, UriKind.Relative), content);
    }
}
