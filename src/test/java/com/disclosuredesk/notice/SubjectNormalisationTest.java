package com.disclosuredesk.notice;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.stream.Stream;

import com.disclosuredesk.moderation.Subject;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@link Subject#of}: what notices name, normalised so that the same subject makes one case (and the rules named). */
class SubjectNormalisationTest {

    @ParameterizedTest
    @ValueSource(strings = {"https://t.me/Some_Channel/4711", "http://t.me/some_channel/4711", "t.me/some_channel/4711",
            "https://www.t.me/some_channel/4711", "www.t.me/SOME_CHANNEL/4711/", "t.me/some_channel/4711?single",
            "https://t.me/some_channel/4711?comment=3#top", "https://t.me/s/some_channel/4711", "telegram.me/some_channel/4711",
            "  https://t.me/some_channel/04711/  "})
    void oneTelegramMessageWrittenManyWaysIsOneSubject(String written) {
        Subject subject = Subject.of("MESSAGE", written);
        assertThat(subject.key()).isEqualTo("MESSAGE:t.me/some_channel/4711");
    }

    @Test
    void differentMessagesAndTypesAreDifferentSubjects() {
        assertThat(Subject.of("MESSAGE", "t.me/some_channel/4712").key()).isNotEqualTo(Subject.of("MESSAGE", "t.me/some_channel/4711").key());
        assertThat(Subject.of("CHANNEL", "t.me/some_channel").key()).isNotEqualTo(Subject.of("GROUP", "t.me/some_channel").key());
    }

    @Test
    void usernamesInAnyCaseAreOneAccount() {
        assertThat(Stream.of("@Example_User", "example_user", "EXAMPLE_USER", "https://t.me/Example_User", "t.me/example_user/")
                .map(r -> Subject.of("ACCOUNT", r).key()).distinct()).containsExactly("ACCOUNT:example_user");
        assertThat(Stream.of("@Some_Channel", "t.me/some_channel", "https://www.t.me/SOME_CHANNEL/")
                .map(r -> Subject.of("CHANNEL", r).key()).distinct()).containsExactly("CHANNEL:t.me/some_channel");
    }

    @Test
    void inviteLinksKeepTheirCaseSensitiveHash() {
        assertThat(Subject.of("GROUP", "https://t.me/+AbCdEfGh1234").reference()).isEqualTo("t.me/+AbCdEfGh1234");
        assertThat(Subject.of("GROUP", "t.me/joinchat/AbCdEfGh1234").reference()).isEqualTo("t.me/+AbCdEfGh1234");
        assertThat(Subject.of("GROUP", "t.me/+abcdefgh1234").reference()).isNotEqualTo("t.me/+AbCdEfGh1234");
    }

    @Test
    void searchTermsAfterNfkcAndCaseFolding() {
        assertThat(Subject.of("SEARCH_TERM", "ＢＯＭＢ").key()).isEqualTo(Subject.of("SEARCH_TERM", "bomb").key());
        assertThat(Subject.of("SEARCH_TERM", "STRASSE").reference()).isEqualTo(Subject.of("SEARCH_TERM", "straße").reference())
                .isEqualTo("strasse");
        assertThat(Subject.of("SEARCH_TERM", "  Buy   Guns\u00a0Now ").reference()).isEqualTo("buy guns now");
        assertThat(Subject.of("SEARCH_TERM", "ﬁre").reference()).isEqualTo("fire");
    }

    @Test
    void invalidReferencesNameTheRuleNeverTheValue() {
        assertThatThrownBy(() -> Subject.of("POST", "t.me/x/1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("MESSAGE, CHANNEL, GROUP, ACCOUNT, SEARCH_TERM");
        assertThatThrownBy(() -> Subject.of(null, "t.me/x/1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Subject.of("MESSAGE", "https://example.com/secret_channel/1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("t.me message link")
                .hasMessageNotContaining("secret_channel");
        assertThatThrownBy(() -> Subject.of("MESSAGE", "t.me/some_channel")).hasMessageContaining("t.me message link");
        assertThatThrownBy(() -> Subject.of("ACCOUNT", "@x")).hasMessageContaining("username");
        assertThatThrownBy(() -> Subject.of("ACCOUNT", "@bad name!")).hasMessageContaining("username")
                .hasMessageNotContaining("bad name");
        assertThatThrownBy(() -> Subject.of("CHANNEL", "1channel")).hasMessageContaining("public name");
        assertThatThrownBy(() -> Subject.of("SEARCH_TERM", "   ")).hasMessageContaining("blank");
        assertThatThrownBy(() -> Subject.of("SEARCH_TERM", "x".repeat(201))).hasMessageContaining("at most 200");
        assertThatThrownBy(() -> Subject.of("SEARCH_TERM", "bo\u0000mb")).hasMessageContaining("control");
    }
}
