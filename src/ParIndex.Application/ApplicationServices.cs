using Amazon.S3;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection.Extensions;
using ParIndex.Application.Admin;
using ParIndex.Application.Appraisal;
using ParIndex.Application.Assessments;
using ParIndex.Application.Campaigns;
using ParIndex.Application.Crosswalks;
using ParIndex.Application.Demo;
using ParIndex.Application.Documents;
using ParIndex.Application.Evidence;
using ParIndex.Application.Frameworks;
using ParIndex.Application.Notifications;
using ParIndex.Application.Results;
using ParIndex.Application.Signing;
using ParIndex.Application.Surveys;
using ParIndex.Application.Workflow;
using ParIndex.Data;
using ParIndex.Data.Accounts;
using ParIndex.Data.Evidence;

namespace ParIndex.Application;

/// <summary>
/// Registers every use case, for any host (web app, CLI, benchmarks). The host adds the database
/// (<c>AddParIndexDatabase</c>), ASP.NET Core Identity's <c>UserManager</c> where accounts are
/// managed, and builds a <see cref="Accounts.CurrentUser"/> for each call.
/// </summary>
public static class ApplicationServices
{
    public static IServiceCollection AddParIndexApplication(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.TryAddSingleton(TimeProvider.System);
        services.Configure<DemoOptions>(configuration.GetSection("Demo"));
        services.Configure<EvidenceOptions>(configuration.GetSection("Evidence"));
        AddEvidenceStore(services, configuration);
        services.AddSingleton<FrameworkCache>();
        services.AddScoped<FrameworkLibrary>();
        services.AddScoped<AssessmentWorkflow>();
        services.AddScoped<CampaignService>();
        services.AddScoped<SurveyRunService>();
        services.AddScoped<Units.UnitLineageService>();
        services.AddScoped<CrosswalkService>();
        services.AddScoped<CampaignRolloverService>();
        services.AddScoped<CarriedSuggestionService>();
        services.AddScoped<CampaignDashboard>();
        services.AddScoped<MyTasks>();
        services.AddScoped<AssessmentService>();
        services.AddScoped<ActionChecklistService>();
        services.AddScoped<AppraisalService>();
        services.AddScoped<CampaignAppraisalService>();
        services.AddScoped<UserManagerLookup>();
        services.AddScoped<EvidenceService>();
        services.AddScoped<ResultsService>();
        services.AddScoped<PredecessorResultsService>();
        services.AddScoped<ResultsExport>();
        services.AddScoped<ResultSnapshotService>();
        services.AddScoped<DraftResultsService>();
        services.AddSingleton(sp => new DraftResultsRefresher(sp.GetRequiredService<IServiceScopeFactory>())
        {
            StaleWait = TimeSpan.FromSeconds(Math.Clamp(configuration.GetValue("Results:DraftWaitSeconds", 3.0), 0, 600)),
        });
        services.AddScoped<IPublicationListener>(sp => sp.GetRequiredService<ResultSnapshotService>());
        services.AddScoped<QuestionnaireService>();
        services.AddScoped<QuotaService>();
        services.AddScoped<SurveyImportService>();
        services.AddScoped<AssessmentTableDocumentBuilder>();
        services.AddScoped<SelfAssessmentReportService>();
        // One application name and one key ring in the database (ADR 0111): cookies and antiforgery
        // tokens of every instance, and the stored signing certificates (ADR 0130) that the web and
        // the CLI must both be able to read.
        services.AddDataProtection()
            .SetApplicationName("ParIndex")
            .PersistKeysToDbContext<ParIndexDbContext>();
        services.Configure<SigningOptions>(configuration.GetSection("Signing"));
        services.AddScoped<Pkcs12CertificateStore>();
        services.TryAddScoped<ISigningCertificateSource>(sp => sp.GetRequiredService<Pkcs12CertificateStore>());
        services.AddScoped<SignedReportService>();
        services.AddSingleton<PdfVerificationService>();
        services.AddScoped<AdminService>();
        services.AddScoped<DemoSeeder>();
        services.AddScoped<DemoSurveySeeder>();
        services.AddScoped<DemoDepartmentFramework>();
        services.AddScoped<NationalDemoGenerator>();
        services.AddParIndexNotifications(configuration);
        return services;
    }

    /// <summary>Where evidence files live (<c>Evidence:Store</c>: local folder, database or S3; ADR 0110).</summary>
    private static void AddEvidenceStore(IServiceCollection services, IConfiguration configuration)
    {
        var evidence = configuration.GetSection("Evidence").Get<EvidenceStoreOptions>() ?? new EvidenceStoreOptions();
        services.AddSingleton(evidence);
        switch (evidence.Store)
        {
            case EvidenceStoreKind.Database:
                services.AddScoped<IEvidenceStore, DatabaseEvidenceStore>();
                break;
            case EvidenceStoreKind.S3:
                services.AddSingleton<IAmazonS3>(_ => S3EvidenceStore.CreateClient(evidence.S3));
                services.AddScoped<IEvidenceStore, S3EvidenceStore>();
                break;
            default:
                services.AddSingleton<LocalEvidenceStore>();
                services.AddSingleton<IEvidenceStore>(sp => sp.GetRequiredService<LocalEvidenceStore>());
                break;
        }
    }

    /// <summary>
    /// Identity's user and role managers over the ParIndex database, without cookies: what a host
    /// other than the web app (the CLI) needs for the use cases that check accounts and roles.
    /// </summary>
    public static IServiceCollection AddParIndexAccountStore(this IServiceCollection services)
    {
        services.AddIdentityCore<AppUser>()
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<ParIndexDbContext>();
        return services;
    }
}
