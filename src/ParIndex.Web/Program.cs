using ParIndex.Application;
using ParIndex.Data.Providers;
using ParIndex.Web.Accounts;
using ParIndex.Web.Admin;
using ParIndex.Web.Appraisal;
using ParIndex.Web.Assessments;
using ParIndex.Web.Campaigns;
using ParIndex.Web.Frameworks;
using ParIndex.Web.Components;
using ParIndex.Web.Crosswalks;
using ParIndex.Web.Documents;
using ParIndex.Web.Hosting;
using ParIndex.Web.Notifications;
using ParIndex.Web.Results;
using ParIndex.Web.Security;
using ParIndex.Web.Signing;
using ParIndex.Web.Surveys;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddParIndexDatabase(builder.Configuration);
builder.Services.AddParIndexInstances(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddParIndexApplication(builder.Configuration);
builder.Services.AddHostedService<NotificationWorker>();
builder.Services.AddSingleton<ParIndex.Web.Results.PublicDownloadCache>();
builder.Services.AddPublicOutputCaching(builder.Configuration);
builder.Services.AddParIndexIdentity();
builder.Services.ConfigureApplicationCookie(options =>
{
    options.LoginPath = "/login";
    options.AccessDeniedPath = "/forbidden";
    options.Cookie.Name = "parindex-auth";
    options.Cookie.HttpOnly = true;
    options.Cookie.SameSite = SameSiteMode.Lax;
    options.SlidingExpiration = true;
    // The API answers 401/403 as ProblemDetails instead of redirecting to the login page.
    options.Events.OnRedirectToLogin = context => ApiAwareRedirect(context, StatusCodes.Status401Unauthorized);
    options.Events.OnRedirectToAccessDenied = context => ApiAwareRedirect(context, StatusCodes.Status403Forbidden);
});
builder.Services.AddParIndexSecurity(builder.Configuration);
builder.Services.AddAuthorizationBuilder().AddParIndexPolicies();
builder.Services.AddAntiforgery(options => options.HeaderName = "X-XSRF-TOKEN");
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddHttpContextAccessor();

builder.Services.AddRequestRateLimits(builder.Configuration);
builder.Services.AddProblemDetails(options => options.CustomizeProblemDetails = ProblemLanguage.Localize);
// A body the API cannot bind throws in every environment (not only Development), so that the
// exception handler answers with a ProblemDetails naming the field instead of an empty 400.
builder.Services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
// The survey handler first: it adds the problem list that the general handler would drop.
builder.Services.AddExceptionHandler<SurveyProblemsExceptionHandler>();
builder.Services.AddExceptionHandler<ProblemDetailsExceptionHandler>();
builder.Services.AddOpenApi();
builder.AddParIndexObservability();
builder.Services.AddRazorComponents();
// Vietnamese text is written as is, not as numeric character references (still HTML-escaped).
builder.Services.Configure<Microsoft.Extensions.WebEncoders.WebEncoderOptions>(options =>
    options.TextEncoderSettings = new System.Text.Encodings.Web.TextEncoderSettings(System.Text.Unicode.UnicodeRanges.All));

var app = builder.Build();

if (await app.PrepareParIndexDatabaseAsync(args))
{
    return;
}

app.UseParIndexForwardedHeaders();
app.UseParIndexSecurity();
if (!app.Environment.IsDevelopment())
{
    app.UseHsts();
}

app.UseRateLimiter();
app.UseStaticFiles();
app.UseAuthentication();
app.UseRequestLogScope();
app.UseAuthorization();
app.UseAntiforgery();
app.UsePublicOutputCaching();
app.UsePublicResultsCaching();

app.MapOpenApi();
app.MapParIndexHealth();
var api = app.MapGroup("/api").RequireAuthorization();
api.MapAssessmentEndpoints();
api.MapAdminEndpoints();
ParIndex.Web.Units.UnitLineageEndpoints.MapUnitLineageEndpoints(api);
ParIndex.Web.Units.UnitLineageEndpoints.MapPublicLineageEndpoints(app);
api.MapUserAccountEndpoints();
api.MapCampaignEndpoints();
api.MapFrameworkEndpoints();
api.MapCampaignDashboardEndpoints();
api.MapAppraisalEndpoints();
api.MapResultsEndpoints();
app.MapPublicResultsEndpoints();
api.MapDocumentEndpoints();
api.MapSurveyEndpoints();
api.MapNotificationEndpoints();
api.MapCrosswalkEndpoints();
api.MapSigningEndpoints();
app.MapVerifyEndpoint();
api.MapGet("/antiforgery", (HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery) =>
    TypedResults.Ok(new { token = antiforgery.GetAndStoreTokens(http).RequestToken, headerName = "X-XSRF-TOKEN" }))
    .ExcludeFromDescription();
app.MapAccountEndpoints();
app.MapRazorComponents<App>();

StartupBanner.Register(app);
await app.RunAsync();

static Task ApiAwareRedirect(Microsoft.AspNetCore.Authentication.RedirectContext<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions> context, int status)
{
    if (context.Request.Path.StartsWithSegments("/api"))
    {
        context.Response.StatusCode = status;
        var problems = context.HttpContext.RequestServices.GetRequiredService<IProblemDetailsService>();
        return problems.WriteAsync(new ProblemDetailsContext
        {
            HttpContext = context.HttpContext,
            ProblemDetails =
            {
                Status = status,
                Title = status == StatusCodes.Status401Unauthorized ? "Chưa đăng nhập" : "Không có quyền",
                Detail = status == StatusCodes.Status401Unauthorized ? "Hãy đăng nhập để dùng API." : "Vai trò của bạn không được làm việc này.",
            },
        }).AsTask();
    }

    context.Response.Redirect(context.RedirectUri);
    return Task.CompletedTask;
}

/// <summary>The entry point, public so that integration tests can host the app.</summary>
public partial class Program;
