namespace ParIndex.Application.Notifications;

/// <summary>Registers the notification use cases and their settings (<c>Notifications</c>, <c>Smtp</c>, <c>App</c>).</summary>
public static class NotificationServices
{
    public static IServiceCollection AddParIndexNotifications(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<NotificationOptions>(configuration.GetSection("Notifications"));
        services.Configure<SmtpOptions>(configuration.GetSection("Smtp"));
        services.Configure<PublicAppOptions>(configuration.GetSection("App"));
        services.AddSingleton<NotificationInstance>();
        services.AddScoped<NotificationPlanner>();
        services.AddScoped<NotificationDispatcher>();
        services.AddScoped<NotificationPass>();
        services.AddScoped<NotificationService>();
        return services;
    }
}
