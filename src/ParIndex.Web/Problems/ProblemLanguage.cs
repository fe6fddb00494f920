using ParIndex.Web.Localization;

namespace ParIndex.Web.Problems;

/// <summary>
/// ProblemDetails written without an exception (status code pages: an empty 400, 404, 405 …) carry
/// the framework's English reason phrase as title. They get a title and detail in the UI language instead.
/// </summary>
internal static class ProblemLanguage
{
    private static readonly Dictionary<int, (string Vi, string En, string DetailVi, string DetailEn)> Statuses = new()
    {
        [StatusCodes.Status400BadRequest] = ("Yêu cầu không hợp lệ", "Invalid request",
            "Yêu cầu thiếu dữ liệu hoặc dữ liệu gửi lên không đúng dạng.", "The request is missing data or its data is not in the expected form."),
        [StatusCodes.Status404NotFound] = ("Không tìm thấy", "Not found", "Không có địa chỉ này.", "There is nothing at this address."),
        [StatusCodes.Status405MethodNotAllowed] = ("Phương thức không được hỗ trợ", "Method not allowed",
            "Địa chỉ này không nhận phương thức HTTP đã dùng.", "This address does not accept the HTTP method used."),
        [StatusCodes.Status415UnsupportedMediaType] = ("Loại nội dung không được hỗ trợ", "Unsupported content type",
            "Hãy gửi dữ liệu dạng JSON (Content-Type: application/json).", "Send the data as JSON (Content-Type: application/json)."),
    };

    public static void Localize(Microsoft.AspNetCore.Http.ProblemDetailsContext context)
    {
        if (context.Exception is not null || context.ProblemDetails.Status is not { } status || !Statuses.TryGetValue(status, out var text))
        {
            return;
        }

        var english = Texts.For(context.HttpContext).IsEnglish;
        context.ProblemDetails.Title = english ? text.En : text.Vi;
        context.ProblemDetails.Detail ??= english ? text.DetailEn : text.DetailVi;
    }
}
