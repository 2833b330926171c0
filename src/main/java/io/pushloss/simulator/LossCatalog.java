package io.pushloss.simulator;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.pushloss.domain.EventType;
import io.pushloss.domain.Stage;
import io.pushloss.domain.Vendor;

/**
 * The everyday losses: realistic codes per vendor and stage, each with an hourly mean for the overall push-to-all
 * stream (other streams scale it). Codes and descriptions follow {@code shared/api/NOTES.md}.
 */
final class LossCatalog {

	/** A code and how many losses of it an average hour of the overall push-to-all stream has. */
	record Entry(LossCode code, double hourlyMean) {
	}

	private static final String CERT_NOT_SET = "Certificate id not set";

	private static final String TOKEN_NOT_UPLOADED = "token not uploaded";

	static final List<Entry> ENTRIES = build();

	/** Where {@link PlantedEvents#SPIKE_CODE} sits in {@link #ENTRIES}. */
	static final int SPIKE_INDEX = indexOf(PlantedEvents.SPIKE_CODE);

	/** What the Chinese vendors and the Tencent side say instead, for applications in China. */
	private static final Map<String, String> CHINESE = Map.ofEntries(Map.entry(CERT_NOT_SET, "证书 ID 未设置"),
			Map.entry(TOKEN_NOT_UPLOADED, "token 未上报"), Map.entry("invalid device", "无效的设备 regId"),
			Map.entry("daily message limit exceeded", "超过每日消息数量上限"), Map.entry("device not found", "设备不存在"),
			Map.entry("invalid token", "token 无效"), Map.entry("message body too large", "消息体过大"),
			Map.entry("app uninstalled", "应用已卸载"), Map.entry("token not on device", "设备上不存在该 token"),
			Map.entry("notifications disabled", "通知栏消息已被用户关闭"),
			Map.entry("device inactive for 30 days", "设备 30 天未活跃"), Map.entry("pushId not subscribed", "pushId 未订阅"),
			Map.entry("rate exceeded", "超过频率限制"), Map.entry("regid_invalid", "regid 无效"),
			Map.entry("user_daily_limit", "超过单用户每日推送上限"), Map.entry("daily total limit exceeded", "超过当日推送总量限制"),
			Map.entry("User Id invalid", "用户 ID 无效"), Map.entry("OAuth token expired", "OAuth 令牌已过期"),
			Map.entry("auth failed", "鉴权失败"), Map.entry("invalid auth token", "鉴权令牌无效"),
			Map.entry("appId mismatch", "appId 不匹配"), Map.entry("illegal pushId", "非法的 pushId"));

	private LossCatalog() {
	}

	/**
	 * A code's description as a Chinese vendor (Huawei, Honor, Xiaomi, OPPO, vivo, Meizu) or the Tencent side sends
	 * it to an application in China; APNs, FCM and online pushes keep their English.
	 */
	static String chinese(LossCode code) {
		boolean chineseVendor = switch (code.vendor()) {
			case HUAWEI, HONOR, XIAOMI, OPPO, VIVO, MEIZU -> true;
			default -> code.stage() == Stage.READY_TO_SEND;
		};
		return chineseVendor ? CHINESE.getOrDefault(code.errInfo(), code.errInfo()) : code.errInfo();
	}

	private static List<Entry> build() {
		List<Entry> entries = new ArrayList<>();
		// ReadyToSend: lost on the Tencent side before reaching the vendor (configuration problems).
		double[] certNotSet = { 0, 0.6, 4.0, 0.4, 0.3, 1.2, 0.8, 0.7, 0.5 };
		double[] tokenNotUploaded = { 0, 2.5, 3.0, 3.5, 1.5, 0.8, 2.0, 1.8, 1.2 };
		for (Vendor vendor : Vendor.values()) {
			if (vendor == Vendor.UNKNOWN) {
				continue;
			}
			entries.add(ready(vendor, "-1", CERT_NOT_SET, certNotSet[vendor.code()]));
			entries.add(ready(vendor, "-2", TOKEN_NOT_UPLOADED, tokenNotUploaded[vendor.code()]));
		}
		// PostSendDelivered: rejected or dropped by the vendor.
		entries.add(post(Vendor.APNS, "410", "Unregistered", 9.0));
		entries.add(post(Vendor.APNS, "400", "BadDeviceToken", 3.0));
		entries.add(post(Vendor.APNS, "403", "ExpiredProviderToken", 0.6));
		entries.add(post(Vendor.APNS, "429", "TooManyRequests", 0.4));
		entries.add(post(Vendor.XIAOMI, "10029", "invalid device", 6.0));
		entries.add(post(Vendor.XIAOMI, "10034", "daily message limit exceeded", 2.0));
		entries.add(post(Vendor.XIAOMI, "65003", "device not found", 1.0));
		entries.add(post(Vendor.HUAWEI, "80300007", "invalid token", 8.0));
		entries.add(post(Vendor.HUAWEI, "80300008", "message body too large", 0.3));
		entries.add(post(Vendor.HUAWEI, "2", "app uninstalled", 3.5));
		entries.add(post(Vendor.HUAWEI, "5", "token not on device", 1.5));
		entries.add(post(Vendor.HUAWEI, "6", "notifications disabled", 2.5));
		entries.add(post(Vendor.HUAWEI, "10", "device inactive for 30 days", 1.2));
		entries.add(post(Vendor.FCM, "UNREGISTERED", "Requested entity was not found.", 5.0));
		entries.add(post(Vendor.FCM, "INVALID_ARGUMENT", "The registration token is not a valid FCM registration token",
				1.5));
		entries.add(post(Vendor.FCM, "QUOTA_EXCEEDED", "Sending quota exceeded", 0.5));
		entries.add(post(Vendor.MEIZU, "110002", "pushId not subscribed", 1.5));
		entries.add(post(Vendor.MEIZU, "518", "rate exceeded", 0.4));
		entries.add(post(Vendor.OPPO, "1", "regid_invalid", 7.0));
		entries.add(post(Vendor.OPPO, "33", "user_daily_limit", 1.8));
		entries.add(post(Vendor.VIVO, "10070", "daily total limit exceeded", 2.2));
		entries.add(post(Vendor.VIVO, "10302", "User Id invalid", 2.8));
		entries.add(post(Vendor.HONOR, "80300007", "invalid token", 2.0));
		// Online pushes go over the long connection: the API reports them with PushPlatform 0 and no description.
		entries.add(new Entry(new LossCode(Stage.POST_SEND_DELIVERED, Vendor.UNKNOWN, EventType.ONLINE, "16", ""), 1.5));
		return List.copyOf(entries);
	}

	private static int indexOf(LossCode code) {
		for (int i = 0; i < ENTRIES.size(); i++) {
			if (ENTRIES.get(i).code().equals(code)) {
				return i;
			}
		}
		throw new IllegalStateException("The spike code " + code + " is not in the catalogue");
	}

	private static Entry ready(Vendor vendor, String code, String info, double mean) {
		return new Entry(new LossCode(Stage.READY_TO_SEND, vendor, EventType.OFFLINE, code, info), mean);
	}

	private static Entry post(Vendor vendor, String code, String info, double mean) {
		return new Entry(new LossCode(Stage.POST_SEND_DELIVERED, vendor, EventType.OFFLINE, code, info), mean);
	}

}
