import { Component } from 'preact';

export class Clock extends Component {
  state = { time: 0 };
  render() {
    return <time>{this.state.time}</time>;
  }
}

class lowercase extends Component {}

export default class Board extends Component {
  render() {
    return <Clock />;
  }
}
